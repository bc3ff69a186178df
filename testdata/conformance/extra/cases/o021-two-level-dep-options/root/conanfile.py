from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zlib:shared": True, "liba:shared": True}
    requires = "libb/1.0",
