from conans import ConanFile


class AppConan(ConanFile):
    name = "app"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_x": [True, False]}
    default_options = {"with_x": False}

    def requirements(self):
        if self.options.with_x:
            self.requires("zlib/1.2.13")
