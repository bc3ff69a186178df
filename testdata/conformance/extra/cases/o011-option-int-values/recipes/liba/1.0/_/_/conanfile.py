from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"level": [1, 2, 3]}
    default_options = {"level": 2}

    def configure(self):
        if self.options.level == 3:
            self.output.info("level three")
