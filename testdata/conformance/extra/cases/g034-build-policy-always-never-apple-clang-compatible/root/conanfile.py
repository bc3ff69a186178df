from conans import ConanFile


class C(ConanFile):
    requires = "libb/0.9"
