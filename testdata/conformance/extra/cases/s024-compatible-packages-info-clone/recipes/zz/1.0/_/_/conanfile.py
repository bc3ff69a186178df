from conans import ConanFile
from conans.errors import ConanInvalidConfiguration, ConanException


class C(ConanFile):
    name = "zz"
    settings = "os"

    def package_id(self):
        c = self.info.clone()
        c.settings.os = "Windows"
        self.compatible_packages.append(c)
