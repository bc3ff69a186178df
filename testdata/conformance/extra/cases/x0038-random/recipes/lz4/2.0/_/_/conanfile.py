from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zstd/1.1","abseil/3.0.0","zlib/[>=1.1]"
