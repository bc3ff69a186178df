from conans import ConanFile


class FreetypeConan(ConanFile):
    name = "freetype"
    settings = "os", "arch", "compiler", "build_type"
    requires = "icu/[>=1.2.13]",
