from conans import ConanFile


class Sqlite3Conan(ConanFile):
    name = "sqlite3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}

    def requirements(self):
        if self.options.with_extra:
            self.requires("grpc/1.2.3")
