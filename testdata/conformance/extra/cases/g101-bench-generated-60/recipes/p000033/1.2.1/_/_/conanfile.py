from conan import ConanFile


class P000033Conan(ConanFile):
    name = "p000033"
    version = "1.2.1"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000016/[^1.1]")
        self.requires("p000017/[~1.0]")
        self.requires("p000023/1.0.0")
        self.requires("p000024/1.0.1")
        self.requires("p000029/1.1.0")
