from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"buf": "ANY", "mode": [None, "fast"]}
    default_options = {"buf": 1024, "mode": None}
