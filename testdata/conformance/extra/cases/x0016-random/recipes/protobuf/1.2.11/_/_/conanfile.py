from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"c-ares:shared": False}
    requires = "c-ares/[*]","fmt/0.9.1"

    def package_id(self):
        if "fmt" in self.info.requires.pkg_names:
            self.info.requires["fmt"].full_package_mode()
