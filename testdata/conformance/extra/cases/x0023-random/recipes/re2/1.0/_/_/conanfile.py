from conans import ConanFile


class Re2Conan(ConanFile):
    name = "re2"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    build_requires = "ninja/1.0",

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/[>=1.0]")

    def package_id(self):
        if "spdlog" in self.info.requires.pkg_names:
            self.info.requires["spdlog"].full_version_mode()
