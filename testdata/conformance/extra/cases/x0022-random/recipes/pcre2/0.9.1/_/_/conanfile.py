from conans import ConanFile


class Pcre2Conan(ConanFile):
    name = "pcre2"
    settings = "os", "arch", "compiler", "build_type"
