from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"backend": [None, "a", "b"], "flag": [True, False]}
    default_options = {"backend": None, "flag": False}

    def configure(self):
        if self.options.backend == None and not self.options.backend:
            self.options.flag = True
