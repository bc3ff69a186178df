from conans import ConanFile


class ZstdConan(ConanFile):
    name = "zstd"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": False, "libpng:shared": False}
    requires = "abseil/[*]","libpng/[*]"

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/[>=1.2.13]")

    def package_id(self):
        if "abseil" in self.info.requires.pkg_names:
            self.info.requires["abseil"].full_package_mode()
