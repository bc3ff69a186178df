from conans import ConanFile


class CurlConan(ConanFile):
    name = "curl"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_ssl": [False, "openssl"], "shared": [True, False]}
    default_options = {"with_ssl": "openssl", "shared": False}

    def requirements(self):
        self.requires("zlib/1.2.13")
        if self.options.with_ssl == "openssl":
            self.requires("openssl/3.0.7")
