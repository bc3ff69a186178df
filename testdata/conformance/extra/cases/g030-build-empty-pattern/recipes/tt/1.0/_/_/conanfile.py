from conans import ConanFile


class C(ConanFile):
    name = "tt"
