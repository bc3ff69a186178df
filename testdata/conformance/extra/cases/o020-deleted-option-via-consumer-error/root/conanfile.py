from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zlib:fPIC": False}
    requires = "zlib/1.2.13",
