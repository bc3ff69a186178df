from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os"
    python_requires = "pyreq/1.2.3"

    def configure(self):
        self.output.info("%s" % self.python_requires["pyreq"].ref)
