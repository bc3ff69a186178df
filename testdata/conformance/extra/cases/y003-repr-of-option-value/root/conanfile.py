from conans import ConanFile


class App(ConanFile):
    requires = "zz/1.0"
    options = {"level": ["1", "2", "3"]}
    default_options = {"level": "2"}

    def configure(self):
        if repr(self.options.level) == "2":
            self.options["zz"].probe = "yes"
