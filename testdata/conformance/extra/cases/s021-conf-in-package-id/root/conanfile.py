from conans import ConanFile

class App(ConanFile):
    settings = "os", "arch"
    requires = "other/1.0", "plain/1.0"

    def package_id(self):
        self.info.conf = self.conf
