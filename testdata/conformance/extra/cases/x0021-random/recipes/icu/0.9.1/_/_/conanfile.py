from conans import ConanFile


class IcuConan(ConanFile):
    name = "icu"
    settings = "os", "arch", "compiler", "build_type"
