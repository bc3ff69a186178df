from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False]}
    default_options = {"shared": True, "zlib:shared": True}
    requires = "zlib/1.2.13", "bzip2/1.0.8"

    def package_id(self):
        self.info.shared_library_package_id()
