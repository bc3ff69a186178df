from conans import ConanFile

class Pkg(ConanFile):
    name = "bb"
    settings = "os"

    def requirements(self):
        self.requires('aa/1.0@me/stable')

