from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        self.info.requires.remove("zlib")
