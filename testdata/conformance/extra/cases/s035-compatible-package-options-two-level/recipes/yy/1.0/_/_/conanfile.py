from conans import ConanFile


class C(ConanFile):
    name = "yy"
    settings = "os"
    requires = "zz/1.0"

    def package_id(self):
        self.info.requires.full_package_mode()
