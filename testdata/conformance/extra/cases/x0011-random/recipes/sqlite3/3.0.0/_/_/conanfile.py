from conans import ConanFile


class Sqlite3Conan(ConanFile):
    name = "sqlite3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "icu:shared": True, "boost:shared": True}
    requires = "libpng/[~1]","icu/[*]",("freetype/1.0", "private"),"boost/[>=1.2.13]",("libcurl/[>=0.9.1]", "private")

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].unrelated_mode()
