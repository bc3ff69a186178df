from conans import ConanFile


class ZstdConan(ConanFile):
    name = "zstd"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True}
    requires = "abseil/[>=3.0.0]",("libpng/[>=3.0.0]", "private")
    build_requires = "ninja/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/1.2.13")
