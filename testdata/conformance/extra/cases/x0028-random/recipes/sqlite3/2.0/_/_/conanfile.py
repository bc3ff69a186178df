from conans import ConanFile


class Sqlite3Conan(ConanFile):
    name = "sqlite3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
