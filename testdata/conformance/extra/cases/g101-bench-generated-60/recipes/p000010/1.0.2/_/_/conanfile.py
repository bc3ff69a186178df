from conan import ConanFile


class P000010Conan(ConanFile):
    name = "p000010"
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
        self.requires("p000003/1.0.2", private=True)
        if self.options.with_extra:
            self.requires("p000005/1.1.3")
