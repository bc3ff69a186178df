from conans import ConanFile


class ZstdConan(ConanFile):
    name = "zstd"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True, "spdlog:shared": True}
    requires = "abseil/1.2.11","libpng/3.0.0","spdlog/1.2.11"
    build_requires = "ninja/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
