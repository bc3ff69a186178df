from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/[>=3.0.0]", "zstd/1.2.13", "c-ares/1.1"
