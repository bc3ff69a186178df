from conans import ConanFile


class ZstdConan(ConanFile):
    name = "zstd"
    settings = "os", "arch", "compiler", "build_type"
