from conan import ConanFile


class P000027Conan(ConanFile):
    name = "p000027"
    version = "1.2.0"
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
        self.requires("p000016/1.1.3")
        self.requires("p000018/1.2.1")
        if self.options.with_extra:
            self.requires("p000023/1.0.0")
