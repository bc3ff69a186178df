from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    build_requires = "pkgconf/1.0",
