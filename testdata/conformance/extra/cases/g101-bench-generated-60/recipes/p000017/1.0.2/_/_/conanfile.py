from conan import ConanFile


class P000017Conan(ConanFile):
    name = "p000017"
    version = "1.0.2"
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
        self.requires("p000003/[^1.0]")
        self.requires("p000005/1.1.3")
        self.requires("p000008/1.2.3")
        self.requires("p000011/1.2.0")
