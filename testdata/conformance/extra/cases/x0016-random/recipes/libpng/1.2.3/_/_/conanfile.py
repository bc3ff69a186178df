from conans import ConanFile


class LibpngConan(ConanFile):
    name = "libpng"
    settings = "os", "arch", "compiler", "build_type"
    build_requires = "meson/1.0",
