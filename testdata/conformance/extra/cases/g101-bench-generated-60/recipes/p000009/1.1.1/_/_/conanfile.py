from conan import ConanFile


class P000009Conan(ConanFile):
    name = "p000009"
    version = "1.1.1"
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
        self.requires("p000000/[>=1.0 <2]")
        self.requires("p000001/1.2.2")
        self.requires("p000003/1.0.2")
        self.requires("p000004/[~1.1]")
        if self.options.with_extra:
            self.requires("p000005/1.1.3")
