from conans import ConanFile


class ProtobufConan(ConanFile):
    name = "protobuf"
    settings = "os", "arch", "compiler", "build_type"
    requires = "c-ares/1.0",("fmt/[*]", "private")

    def package_id(self):
        if "fmt" in self.info.requires.pkg_names:
            self.info.requires["fmt"].full_version_mode()
