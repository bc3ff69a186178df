from conans import ConanFile


class OpenSSLConan(ConanFile):
    name = "openssl"
    license = "Apache-2.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "no_zlib": [True, False]}
    default_options = {"shared": False, "fPIC": True, "no_zlib": False}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx
        del self.settings.compiler.cppstd

    def requirements(self):
        if not self.options.no_zlib:
            self.requires("zlib/[>=1.2.11 <2]")
