from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "level": [1, 2, 3]}
    default_options = [("shared", True), ("level", 3)]
