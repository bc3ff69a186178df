from conans import ConanFile


class GrpcConan(ConanFile):
    name = "grpc"
    settings = "os", "arch", "compiler", "build_type"
    requires = "icu/[>=1.0]",

    def package_id(self):
        if "icu" in self.info.requires.pkg_names:
            self.info.requires["icu"].unrelated_mode()
