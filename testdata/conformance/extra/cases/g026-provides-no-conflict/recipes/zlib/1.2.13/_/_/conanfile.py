from conans import ConanFile

class Zlib(ConanFile):
    name = "zlib"
    version = "1.2.13"
    settings = "os", "arch", "compiler", "build_type"
