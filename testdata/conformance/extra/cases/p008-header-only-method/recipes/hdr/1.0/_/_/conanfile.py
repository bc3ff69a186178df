from conans import ConanFile


class HdrConan(ConanFile):
    name = "hdr"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/1.2.13",

    def package_id(self):
        self.info.header_only()
