from conans import ConanFile


class Bzip2Conan(ConanFile):
    name = "bzip2"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    build_requires = "meson/1.0",

    def requirements(self):
        if self.options.with_extra:
            self.requires("libcurl/[>=3.0.0]")
