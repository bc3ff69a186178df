from conans import ConanFile


class AbseilConan(ConanFile):
    name = "abseil"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "openssl:shared": False}
    requires = "re2/[*]","openssl/1.0"
    build_requires = "m4/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
