from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/[>=1.2.13]", "abseil/1.2.11", "icu/[>=1.2.13]", "lz4/0.9.1"
