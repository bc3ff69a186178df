from conans import ConanFile


class AbseilConan(ConanFile):
    name = "abseil"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "protobuf:shared": True}
    requires = "pcre2/1.2.13","protobuf/1.1"

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def package_id(self):
        if "pcre2" in self.info.requires.pkg_names:
            self.info.requires["pcre2"].unrelated_mode()
