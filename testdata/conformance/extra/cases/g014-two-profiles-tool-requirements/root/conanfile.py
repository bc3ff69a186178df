from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/3.21.9",
    build_requires = "protobuf/3.21.9",
