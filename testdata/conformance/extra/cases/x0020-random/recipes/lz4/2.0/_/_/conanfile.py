from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
    requires = "libcurl/1.1",

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].full_version_mode()
