from conans import ConanFile


class ExpatConan(ConanFile):
    name = "expat"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "re2:shared": False}
    requires = "fmt/1.2.13","re2/1.2.11"
    build_requires = "ninja/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
