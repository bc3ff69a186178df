from conans import ConanFile

class Libjpeg(ConanFile):
    name = "libjpeg"
    version = "9e"
    settings = "os", "arch", "compiler", "build_type"
