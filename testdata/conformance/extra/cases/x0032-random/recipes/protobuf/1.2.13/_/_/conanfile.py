from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
