from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/1.2.13",

    def package_id(self):
        if "protobuf" in self.info.requires.pkg_names:
            self.info.requires["protobuf"].minor_mode()
