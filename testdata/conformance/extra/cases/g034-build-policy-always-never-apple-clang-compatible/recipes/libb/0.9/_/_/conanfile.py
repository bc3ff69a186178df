from conans import ConanFile


class C(ConanFile):
    name = "libb"
    settings = "compiler"
    build_policy = "always"
