from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    requires = "zstd/1.2.13","zlib/1.0"
    build_requires = "cmake/1.0",

    def requirements(self):
        if self.options.with_extra:
            self.requires("abseil/3.0.0")
