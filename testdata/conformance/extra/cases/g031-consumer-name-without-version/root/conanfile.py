from conans import ConanFile


class C(ConanFile):
    name = "myapp"
    requires = "zz/1.0"
