from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "abseil/1.0",
    build_requires = "ninja/1.0",
