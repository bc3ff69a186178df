from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
    build_requires = "meson/1.0",

    def requirements(self):
        if self.options.with_extra:
            self.requires("c-ares/1.0")
