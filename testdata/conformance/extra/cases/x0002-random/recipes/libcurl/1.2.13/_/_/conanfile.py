from conans import ConanFile


class LibcurlConan(ConanFile):
    name = "libcurl"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True}
    requires = "spdlog/0.9.1",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def requirements(self):
        if self.options.with_extra:
            self.requires("lz4/[>=2.0]")
