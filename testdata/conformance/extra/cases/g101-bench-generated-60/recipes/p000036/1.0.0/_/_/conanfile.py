from conan import ConanFile


class P000036Conan(ConanFile):
    name = "p000036"
    version = "1.0.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000030/*:shared": True, "p000032/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000024/1.0.1")
        self.requires("p000030/[~1.2]")
        self.requires("p000032/[^1.0]")
        self.requires("p000033/1.2.1")
        self.requires("p000034/1.2.2")

    def build_requirements(self):
        self.tool_requires("tool0000/[>=1.0 <2]")
