from conans import ConanFile


class Xz_utilsConan(ConanFile):
    name = "xz_utils"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "freetype:shared": False}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("freetype/[>=1.1]")

    def package_id(self):
        if "freetype" in self.info.requires.pkg_names:
            self.info.requires["freetype"].full_package_mode()
