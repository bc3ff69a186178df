from conan import ConanFile


class P000023Conan(ConanFile):
    name = "p000023"
    version = "1.0.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000014/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000008/[~1.2]")
        self.requires("p000010/[^1.0]")
        self.requires("p000011/1.2.0")
        self.requires("p000014/1.0.0")
        self.requires("p000015/1.0.0")
