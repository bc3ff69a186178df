from conan import ConanFile


class P000050Conan(ConanFile):
    name = "p000050"
    version = "1.1.3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000041/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000041/[>=1.0 <2]")
        if self.options.with_extra:
            self.requires("p000044/1.2.1")
