from conans import ConanFile


class FreetypeConan(ConanFile):
    name = "freetype"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True, "boost:shared": True}
    build_requires = "cmake/1.0",

    def requirements(self):
        if self.options.with_extra:
            self.requires("boost/2.0")
