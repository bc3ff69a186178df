from conans import ConanFile


class C(ConanFile):
    requires = "zz/1.0"
