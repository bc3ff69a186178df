from conans import ConanFile


class AppConan(ConanFile):
    name = "app"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_tls": [True, False]}
    default_options = {"with_tls": True, "openssl:shared": True}
    build_requires = "cmake/3.27.7"

    def requirements(self):
        self.requires("spdlog/1.12.0")
        if self.options.with_tls:
            self.requires("openssl/3.1.4")
