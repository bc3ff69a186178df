from conans import ConanFile


class FreetypeConan(ConanFile):
    name = "freetype"
    settings = "os", "arch", "compiler", "build_type"
