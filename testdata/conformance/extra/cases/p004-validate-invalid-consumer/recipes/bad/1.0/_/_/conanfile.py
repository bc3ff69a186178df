from conans import ConanFile
from conans.errors import ConanInvalidConfiguration


class BadConan(ConanFile):
    name = "bad"
    settings = "os", "arch", "compiler", "build_type"

    def validate(self):
        if self.settings.os == "Linux":
            raise ConanInvalidConfiguration("no Linux")
