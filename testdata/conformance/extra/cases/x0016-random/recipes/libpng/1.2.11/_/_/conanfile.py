from conans import ConanFile


class LibpngConan(ConanFile):
    name = "libpng"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
    build_requires = "cmake/1.0",
