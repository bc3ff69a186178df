from conans import ConanFile


class Re2Conan(ConanFile):
    name = "re2"
    settings = "os", "arch", "compiler", "build_type"
    requires = "spdlog/[>=1.0]",
    build_requires = "ninja/1.0",
