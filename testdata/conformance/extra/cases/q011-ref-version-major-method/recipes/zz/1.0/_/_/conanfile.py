from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os"
    python_requires = "pyreq/1.2.3"

    def package_id(self):
        self.info.settings.os = str(self.python_requires["pyreq"].ref.version.major)
