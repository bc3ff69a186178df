from conans import ConanFile


class Re2Conan(ConanFile):
    name = "re2"
    settings = "os", "arch", "compiler", "build_type"
    requires = "boost/[*]",
