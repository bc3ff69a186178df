from conans import ConanFile


class ZlibConan(ConanFile):
    name = "zlib"
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/1.1",
    build_requires = "meson/1.0",
