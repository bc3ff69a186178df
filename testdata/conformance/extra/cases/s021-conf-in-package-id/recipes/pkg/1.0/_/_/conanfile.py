from conans import ConanFile

class Pkg(ConanFile):
    name = "pkg"
    version = "1.0"
    settings = "os", "arch"

    def package_id(self):
        self.info.conf = self.conf
