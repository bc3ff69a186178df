from conans import ConanFile


class SpdlogConan(ConanFile):
    name = "spdlog"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": False}
    requires = "protobuf/3.0.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("grpc/[>=0.9.1]")

    def package_id(self):
        if "protobuf" in self.info.requires.pkg_names:
            self.info.requires["protobuf"].unrelated_mode()
