from conans import ConanFile


class AbseilConan(ConanFile):
    name = "abseil"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}

    def requirements(self):
        if self.options.with_extra:
            self.requires("libpng/[>=1.2.13]")
