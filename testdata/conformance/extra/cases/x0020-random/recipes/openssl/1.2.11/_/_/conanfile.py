from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True, "grpc:shared": True, "zlib:shared": False}
    requires = "lz4/[>=2.0]","grpc/[~1]",("zlib/1.0", "private"),"boost/[*]"

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/3.0.0")
