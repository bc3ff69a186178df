from conans import ConanFile


class ZlibConan(ConanFile):
    name = "zlib"
    settings = "os", "arch", "compiler", "build_type"
    requires = "c-ares/[>=1.0]","re2/1.2.3"
    build_requires = "ninja/1.0",
