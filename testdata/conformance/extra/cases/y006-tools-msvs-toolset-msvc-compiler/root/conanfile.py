from conans import ConanFile
from conans import tools


class App(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "zz/1.0"

    def configure(self):
        if tools.msvs_toolset(self) == "v143":
            self.options["zz"].probe = "yes"
