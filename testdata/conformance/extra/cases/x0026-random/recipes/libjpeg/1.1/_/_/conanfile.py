from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": False}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("zlib/[>=1.2.11]")

    def package_id(self):
        if "zlib" in self.info.requires.pkg_names:
            self.info.requires["zlib"].minor_mode()
