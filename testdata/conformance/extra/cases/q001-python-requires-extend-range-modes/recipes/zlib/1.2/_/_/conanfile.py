from conans import ConanFile

class Zlib(ConanFile):
    name = "zlib"
    version = "1.2"
    settings = "os", "arch"
