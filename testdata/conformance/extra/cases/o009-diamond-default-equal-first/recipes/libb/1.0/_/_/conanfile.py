from conans import ConanFile


class LibbConan(ConanFile):
    name = "libb"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zlib:shared": True}
    requires = "zlib/1.2.13",
