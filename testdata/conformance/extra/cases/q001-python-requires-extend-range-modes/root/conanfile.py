from conans import ConanFile


class App(ConanFile):
    settings = "os", "arch"
    requires = "pkg/1.0", "other/1.0"
