from conan import ConanFile


class P000047Conan(ConanFile):
    name = "p000047"
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
        self.requires("p000029/1.1.0")
        self.requires("p000035/1.0.1")
        self.requires("p000040/1.0.0")
        self.requires("p000041/1.0.3")
