from conans import ConanFile


class Xz_utilsConan(ConanFile):
    name = "xz_utils"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "openssl:shared": False, "libcurl:shared": False}
    requires = "openssl/1.2.11","spdlog/3.0.0","libcurl/1.1"

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].full_package_mode()
