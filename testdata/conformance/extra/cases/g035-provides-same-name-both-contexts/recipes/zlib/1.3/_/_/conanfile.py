from conans import ConanFile

class Zlib(ConanFile):
    name = "zlib"
    version = "1.3"
    settings = "os", "arch", "compiler", "build_type"
