from conans import ConanFile


class FmtConan(ConanFile):
    name = "fmt"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
