from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"

    def requirements(self):
        self.requires("liba/1.0")
        self.requires("zlib/1.2.12", override=True)
