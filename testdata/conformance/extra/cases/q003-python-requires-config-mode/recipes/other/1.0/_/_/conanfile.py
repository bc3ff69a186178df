from conans import ConanFile


class Other(ConanFile):
    name = "other"
    version = "1.0"
    settings = "os", "arch"
    python_requires = "base/[>=1.0 <2]"
    python_requires_extend = "base.MyBase"

    def package_id(self):
        self.info.python_requires.major_mode()
