from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zstd:shared": False}
    requires = "zstd/[>=3.0.0]",
    build_requires = "ninja/1.0",
