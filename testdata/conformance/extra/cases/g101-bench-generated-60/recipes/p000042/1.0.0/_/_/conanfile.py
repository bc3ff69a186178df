from conan import ConanFile


class P000042Conan(ConanFile):
    name = "p000042"
    version = "1.0.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000030/*:shared": True, "p000036/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000030/[>=1.0 <2]")
        self.requires("p000036/[~1.0]")
        if self.options.with_extra:
            self.requires("p000039/[^1.2]")
