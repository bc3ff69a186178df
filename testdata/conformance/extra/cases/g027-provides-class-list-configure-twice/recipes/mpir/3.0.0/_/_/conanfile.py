from conans import ConanFile

class Mpir(ConanFile):
    name = "mpir"
    version = "3.0.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "enable_gmpcompat": [True, False]}
    default_options = {"shared": False, "enable_gmpcompat": True}
    provides = []

    def configure(self):
        if self.options.enable_gmpcompat:
            self.provides.append("gmp")
