from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/1.0",
    build_requires = "ninja/1.0",
