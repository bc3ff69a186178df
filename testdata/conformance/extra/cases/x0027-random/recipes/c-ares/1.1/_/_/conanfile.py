from conans import ConanFile


class C_aresConan(ConanFile):
    name = "c-ares"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
