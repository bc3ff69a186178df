from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os"
    python_requires = "pyreq/1.2.3"

    def package_id(self):
        self.info.settings.os = repr([str(r) for r in self.python_requires.all_refs()])
