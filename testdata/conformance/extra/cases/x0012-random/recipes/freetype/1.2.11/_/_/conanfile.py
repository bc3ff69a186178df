from conans import ConanFile


class FreetypeConan(ConanFile):
    name = "freetype"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}

    def requirements(self):
        if self.options.with_extra:
            self.requires("re2/1.2.11")

    def package_id(self):
        if "re2" in self.info.requires.pkg_names:
            self.info.requires["re2"].minor_mode()
