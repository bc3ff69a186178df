from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": False}
    requires = "protobuf/[>=3.0.0]","zstd/[>=3.0.0]","icu/1.0"
    build_requires = "ninja/1.0",
