from conans import ConanFile


class Sqlite3Conan(ConanFile):
    name = "sqlite3"
    settings = "os", "arch", "compiler", "build_type"
    build_requires = "ninja/1.0",
