from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": False}
    requires = "sqlite3/[>=3.0.0]",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("pcre2/2.0")
