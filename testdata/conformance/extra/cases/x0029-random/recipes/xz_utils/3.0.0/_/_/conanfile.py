from conans import ConanFile


class Xz_utilsConan(ConanFile):
    name = "xz_utils"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}

    def requirements(self):
        if self.options.with_extra:
            self.requires("freetype/2.0")
