from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/develop", "liba/0.3.1", "libb/1.2.3-rc1"
