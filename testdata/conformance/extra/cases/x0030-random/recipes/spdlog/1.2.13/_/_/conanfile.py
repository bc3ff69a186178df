from conans import ConanFile


class SpdlogConan(ConanFile):
    name = "spdlog"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True}
    build_requires = "meson/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("re2/2.0")

    def package_id(self):
        if "re2" in self.info.requires.pkg_names:
            self.info.requires["re2"].full_package_mode()
