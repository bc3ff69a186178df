from conans import ConanFile


class BadConan(ConanFile):
    name = "bad"
    settings = "os", "arch", "compiler", "build_type"

    def configure(self):
        x = int("nope")
