from conans import ConanFile

class Zlib(ConanFile):
    name = "zlib"
    version = "1.0"
    settings = "os", "arch"
