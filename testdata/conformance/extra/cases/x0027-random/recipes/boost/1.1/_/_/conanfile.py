from conans import ConanFile


class BoostConan(ConanFile):
    name = "boost"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    requires = "zstd/[~1]","sqlite3/2.0",("icu/[>=1.0]", "private"),"c-ares/[>=1.2.3]"
    build_requires = "ninja/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
