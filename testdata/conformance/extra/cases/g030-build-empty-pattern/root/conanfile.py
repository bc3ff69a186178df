from conans import ConanFile


class C(ConanFile):
    requires = "aa/1.0"
