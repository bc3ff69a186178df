from conans import ConanFile


class C(ConanFile):
    settings = "os"
    requires = "yy/1.0"
