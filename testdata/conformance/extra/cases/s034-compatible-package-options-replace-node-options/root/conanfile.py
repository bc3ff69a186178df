from conans import ConanFile


class C(ConanFile):
    settings = "os"
    requires = "zz/1.0"
