from conan import ConanFile


class P000045Conan(ConanFile):
    name = "p000045"
    version = "1.1.2"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "p000036/*:shared": True, "p000041/*:shared": True}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def requirements(self):
        self.requires("p000036/[^1.0]")
        self.requires("p000041/1.0.3")

    def build_requirements(self):
        self.tool_requires("tool0000/[>=1.0 <2]")
