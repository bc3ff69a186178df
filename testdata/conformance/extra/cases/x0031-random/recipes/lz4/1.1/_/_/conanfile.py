from conans import ConanFile


class Lz4Conan(ConanFile):
    name = "lz4"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": False}

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
        del self.settings.compiler.libcxx

    def requirements(self):
        if self.options.with_extra:
            self.requires("re2/[*]")

    def package_id(self):
        if "re2" in self.info.requires.pkg_names:
            self.info.requires["re2"].full_package_mode()
