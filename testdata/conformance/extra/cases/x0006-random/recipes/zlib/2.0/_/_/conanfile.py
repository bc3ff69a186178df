from conans import ConanFile


class ZlibConan(ConanFile):
    name = "zlib"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}

    def requirements(self):
        if self.options.with_extra:
            self.requires("protobuf/1.1")
