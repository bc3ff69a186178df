from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"lz4:shared": True}
    requires = "protobuf/1.1", "lz4/1.0", "re2/[>=1.2.13]"
    build_requires = "m4/1.0",
