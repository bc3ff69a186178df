from conans import ConanFile

class Turbo(ConanFile):
    name = "libjpeg-turbo"
    version = "3.0.0"
    settings = "os", "arch", "compiler", "build_type"
    provides = "libjpeg"
