from conans import ConanFile


class A(ConanFile):
    alias = "pyreq/1.2.3"
