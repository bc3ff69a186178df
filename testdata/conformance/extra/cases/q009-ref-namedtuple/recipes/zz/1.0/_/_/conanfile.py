from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os"
    python_requires = "pyreq/1.2.3"

    def package_id(self):
        self.info.settings.os = repr(tuple(self.python_requires["pyreq"].ref)[:2] + (self.python_requires["pyreq"].ref[0],))
