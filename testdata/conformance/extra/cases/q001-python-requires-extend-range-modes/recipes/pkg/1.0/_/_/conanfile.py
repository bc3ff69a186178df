from conans import ConanFile


class Pkg(ConanFile):
    name = "pkg"
    version = "1.0"
    settings = "os", "arch"
    python_requires = "base/1.0"
    python_requires_extend = "base.MyBase"

    def requirements(self):
        self.requires(self.python_requires["base"].module.helper("1.2"))
