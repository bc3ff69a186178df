from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"re2:shared": True}
    requires = "libjpeg/[>=1.0]", "lz4/[*]", "re2/[*]"
