from conans import ConanFile


class ZlibConan(ConanFile):
    name = "zlib"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}

    def requirements(self):
        if self.options.with_extra:
            self.requires("protobuf/1.1")

    def package_id(self):
        if "protobuf" in self.info.requires.pkg_names:
            self.info.requires["protobuf"].unrelated_mode()
