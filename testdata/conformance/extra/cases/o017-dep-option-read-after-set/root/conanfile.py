from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    options = {"x": [True, False]}
    default_options = {"x": False}
    requires = "zlib/1.2.13",

    def configure(self):
        self.options["zlib"].shared = True
        if self.options["zlib"].shared:
            self.options.x = True
