from conans import ConanFile


class IcuConan(ConanFile):
    name = "icu"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
