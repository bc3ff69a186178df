from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "opt": ["a", "b"]}
    default_options = {"shared": False, "fPIC": True, "opt": "a"}

    def package_id(self):
        del self.info.options.fPIC
        self.info.options.opt = "z"
