from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
