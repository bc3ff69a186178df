from conan import ConanFile


class P000041Conan(ConanFile):
    name = "p000041"
    version = "1.0.3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000025/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000019/1.2.1")
        self.requires("p000025/[^1.2]")
        self.requires("p000026/[~1.1]")
        self.requires("p000029/1.1.0")
        if self.options.with_extra:
            self.requires("p000035/[>=1.0 <2]")
