from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "icu/[>=1.1]",
    build_requires = "cmake/1.0",
