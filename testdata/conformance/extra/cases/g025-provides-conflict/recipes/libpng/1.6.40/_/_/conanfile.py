from conans import ConanFile

class Libpng(ConanFile):
    name = "libpng"
    version = "1.6.40"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/1.2.13"
