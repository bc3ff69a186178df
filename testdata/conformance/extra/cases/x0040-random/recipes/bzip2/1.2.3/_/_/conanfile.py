from conans import ConanFile


class Bzip2Conan(ConanFile):
    name = "bzip2"
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/[~1]",
