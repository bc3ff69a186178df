from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"c-ares:shared": True}
    requires = "c-ares/[>=3.0.0]", "protobuf/[~1]"
    build_requires = "pkgconf/1.0",
