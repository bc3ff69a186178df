from conans import ConanFile


class AppConan(ConanFile):
    requires = "pkg/1.0"
