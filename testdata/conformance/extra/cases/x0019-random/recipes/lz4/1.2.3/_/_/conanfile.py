from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}

    def requirements(self):
        if self.options.with_extra:
            self.requires("re2/[>=1.0]")
