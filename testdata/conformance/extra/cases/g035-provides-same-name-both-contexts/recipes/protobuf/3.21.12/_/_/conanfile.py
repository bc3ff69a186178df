from conans import ConanFile

class Protobuf(ConanFile):
    name = "protobuf"
    version = "3.21.12"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/1.3"
