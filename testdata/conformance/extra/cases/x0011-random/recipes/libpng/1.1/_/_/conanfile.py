from conans import ConanFile


class LibpngConan(ConanFile):
    name = "libpng"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
    requires = "icu/[>=0.9.1]",

    def requirements(self):
        if self.options.with_extra:
            self.requires("libcurl/0.9.1")

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].minor_mode()
