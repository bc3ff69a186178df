from conans import ConanFile


class FmtConan(ConanFile):
    name = "fmt"
    settings = "os", "arch", "compiler", "build_type"
