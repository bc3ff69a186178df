from conans import ConanFile


class Xz_utilsConan(ConanFile):
    name = "xz_utils"
    settings = "os", "arch", "compiler", "build_type"
    requires = "freetype/[>=1.1]",
