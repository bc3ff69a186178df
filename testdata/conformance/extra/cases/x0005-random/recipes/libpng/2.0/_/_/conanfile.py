from conans import ConanFile


class LibpngConan(ConanFile):
    name = "libpng"
    settings = "os", "arch", "compiler", "build_type"
    requires = "bzip2/1.2.3",
