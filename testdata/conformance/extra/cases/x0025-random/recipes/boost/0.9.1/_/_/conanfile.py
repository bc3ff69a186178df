from conans import ConanFile


class BoostConan(ConanFile):
    name = "boost"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "protobuf:shared": True}
    requires = "protobuf/[~2]",
    build_requires = "meson/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def package_id(self):
        if "protobuf" in self.info.requires.pkg_names:
            self.info.requires["protobuf"].minor_mode()
