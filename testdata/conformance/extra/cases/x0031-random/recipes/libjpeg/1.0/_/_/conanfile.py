from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    requires = "lz4/1.1",
