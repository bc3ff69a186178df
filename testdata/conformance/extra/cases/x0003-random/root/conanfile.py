from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "sqlite3/1.0", "abseil/2.0"
    build_requires = "pkgconf/1.0",
