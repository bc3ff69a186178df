from conans import ConanFile


class Pcre2Conan(ConanFile):
    name = "pcre2"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "spdlog:shared": False}
    requires = "zlib/1.0","spdlog/[>=3.0.0]","bzip2/[>=2.0]","re2/2.0"
    build_requires = "pkgconf/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def package_id(self):
        if "re2" in self.info.requires.pkg_names:
            self.info.requires["re2"].unrelated_mode()
