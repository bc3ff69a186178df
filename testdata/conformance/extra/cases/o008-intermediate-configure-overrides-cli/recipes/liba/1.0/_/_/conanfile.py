from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/1.2.13",

    def configure(self):
        self.options["zlib"].shared = True
