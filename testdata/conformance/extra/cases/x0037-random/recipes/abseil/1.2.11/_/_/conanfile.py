from conans import ConanFile


class AbseilConan(ConanFile):
    name = "abseil"
    settings = "os", "arch", "compiler", "build_type"
    requires = "libpng/[>=1.2.13]",
