from conans import ConanFile


class ExpatConan(ConanFile):
    name = "expat"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zstd/[>=1.2.13]",
    build_requires = "m4/1.0",
