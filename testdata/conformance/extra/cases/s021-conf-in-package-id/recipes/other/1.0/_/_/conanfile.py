from conans import ConanFile

class Other(ConanFile):
    name = "other"
    version = "1.0"
    settings = "os", "arch"
    requires = "pkg/1.0"

    def package_id(self):
        self.info.conf = self.conf
