from conans import ConanFile


class Bzip2Conan(ConanFile):
    name = "bzip2"
    settings = "os", "arch", "compiler", "build_type"
    requires = "libcurl/3.0.0",
    build_requires = "meson/1.0",

    def package_id(self):
        if "libcurl" in self.info.requires.pkg_names:
            self.info.requires["libcurl"].full_package_mode()
