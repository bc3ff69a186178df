from conans import ConanFile


class Pcre2Conan(ConanFile):
    name = "pcre2"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    requires = "protobuf/[>=1.1]","icu/1.2.13"
    build_requires = "m4/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def package_id(self):
        if "icu" in self.info.requires.pkg_names:
            self.info.requires["icu"].unrelated_mode()
