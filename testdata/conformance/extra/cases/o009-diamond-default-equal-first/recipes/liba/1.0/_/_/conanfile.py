from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zlib:shared": False}
    requires = "zlib/1.2.13",
