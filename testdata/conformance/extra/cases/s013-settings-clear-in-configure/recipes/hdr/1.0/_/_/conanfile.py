from conans import ConanFile


class HdrConan(ConanFile):
    name = "hdr"
    settings = "os", "arch", "compiler", "build_type"

    def configure(self):
        self.settings.clear()
