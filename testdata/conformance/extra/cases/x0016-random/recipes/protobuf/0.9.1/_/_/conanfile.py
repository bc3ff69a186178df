from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    requires = "fmt/0.9.1",

    def requirements(self):
        if self.options.with_extra:
            self.requires("c-ares/1.0")

    def package_id(self):
        if "fmt" in self.info.requires.pkg_names:
            self.info.requires["fmt"].full_package_mode()
