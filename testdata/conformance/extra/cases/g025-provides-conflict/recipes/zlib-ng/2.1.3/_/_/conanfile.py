from conans import ConanFile

class ZlibNg(ConanFile):
    name = "zlib-ng"
    version = "2.1.3"
    settings = "os", "arch", "compiler", "build_type"
    options = {"zlib_compat": [True, False]}
    default_options = {"zlib_compat": True}

    def configure(self):
        if self.options.zlib_compat:
            self.provides = ["zlib", "zlib-ng"]
