from conans import ConanFile


class ZstdConan(ConanFile):
    name = "zstd"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/3.0.0","expat/[>=1.1]","c-ares/0.9.1","libcurl/1.2.11"

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].full_package_mode()
