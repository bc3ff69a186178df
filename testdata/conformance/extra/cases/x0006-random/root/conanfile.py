from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "expat/[*]", "bzip2/[>=3.0.0]", "openssl/1.1"
