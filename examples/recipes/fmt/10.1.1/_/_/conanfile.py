from conans import ConanFile


class FmtConan(ConanFile):
    name = "fmt"
    license = "MIT"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "header_only": [True, False]}
    default_options = {"shared": False, "fPIC": True, "header_only": False}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.header_only:
            del self.options.shared
            del self.options.fPIC
        elif self.options.shared:
            del self.options.fPIC

    def package_id(self):
        if self.info.options.header_only:
            self.info.clear()
