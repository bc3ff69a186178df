from conan import ConanFile


class P000034Conan(ConanFile):
    name = "p000034"
    version = "1.2.2"
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
        self.requires("p000018/[^1.2]")
        self.requires("p000021/1.2.1")
        self.requires("p000023/[^1.0]")
        self.requires("p000024/[>=1.0 <2]")
        self.requires("p000025/[~1.2]")
