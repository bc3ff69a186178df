from conans import ConanFile

class App(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "libpng/1.6.40", "zlib-ng/2.1.3"
