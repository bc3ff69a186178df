from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "x": [True, False]}
    default_options = {"shared": True, "fPIC": True, "x": False}

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")
        self.options.rm_safe("nonexistent")
        if self.options.get_safe("fPIC") is None:
            self.options.x = True
