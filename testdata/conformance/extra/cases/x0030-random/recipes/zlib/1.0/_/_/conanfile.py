from conans import ConanFile


class ZlibConan(ConanFile):
    name = "zlib"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "bzip2:shared": True}
    requires = "boost/[>=1.2.3]","bzip2/1.1"
    build_requires = "meson/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/[>=1.2.11]")
