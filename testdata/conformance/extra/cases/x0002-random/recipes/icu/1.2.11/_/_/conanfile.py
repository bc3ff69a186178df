from conans import ConanFile


class IcuConan(ConanFile):
    name = "icu"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    requires = "abseil/[>=1.2.11]",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def package_id(self):
        if "abseil" in self.info.requires.pkg_names:
            self.info.requires["abseil"].full_package_mode()
