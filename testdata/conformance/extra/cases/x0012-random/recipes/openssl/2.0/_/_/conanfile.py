from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/[*]",
