from conans import ConanFile


class FreetypeConan(ConanFile):
    name = "freetype"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}

    def requirements(self):
        if self.options.with_extra:
            self.requires("icu/[>=1.2.13]")
