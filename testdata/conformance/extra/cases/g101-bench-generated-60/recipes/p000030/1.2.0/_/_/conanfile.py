from conan import ConanFile


class P000030Conan(ConanFile):
    name = "p000030"
    version = "1.2.0"
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
        self.requires("p000012/[^1.1]")
        self.requires("p000024/1.0.1")
        self.requires("p000025/1.2.3")
        self.requires("p000026/[>=1.0 <2]")
        self.requires("p000027/1.2.0")

    def build_requirements(self):
        self.tool_requires("tool0000/[>=1.0 <2]")
