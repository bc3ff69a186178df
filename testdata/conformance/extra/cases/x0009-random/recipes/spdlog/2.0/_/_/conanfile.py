from conans import ConanFile


class SpdlogConan(ConanFile):
    name = "spdlog"
    settings = "os", "arch", "compiler", "build_type"
    requires = "openssl/3.0.0",("zlib/1.0", "private")

    def package_id(self):
        if "openssl" in self.info.requires.pkg_names:
            self.info.requires["openssl"].unrelated_mode()
