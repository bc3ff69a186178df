from conan import ConanFile


class P000046Conan(ConanFile):
    name = "p000046"
    version = "1.0.0"
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
        self.requires("p000033/1.2.1")
        self.requires("p000035/[>=1.0 <2]")
        if self.options.with_extra:
            self.requires("p000041/[~1.0]")
