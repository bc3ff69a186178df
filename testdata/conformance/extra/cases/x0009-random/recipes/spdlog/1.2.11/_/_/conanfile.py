from conans import ConanFile


class SpdlogConan(ConanFile):
    name = "spdlog"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False, "openssl:shared": False}
    requires = "zlib/[*]",

    def requirements(self):
        if self.options.with_extra:
            self.requires("openssl/[~3]")
