from conans import ConanFile

class Pkg(ConanFile):
    name = "pkg"
    version = "1.0"
    settings = "os"

    def package_id(self):
        self.info.python_requires.major_mode()
