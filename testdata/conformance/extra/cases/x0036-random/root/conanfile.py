from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "bzip2/[*]", "freetype/[>=1.1]"
    build_requires = "ninja/1.0",
