from conans import ConanFile
from conans import tools


class App(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "zz/1.0"

    def configure(self):
        if tools.cppstd_default(self.settings) == "gnu17":
            self.options["zz"].probe = "yes"
