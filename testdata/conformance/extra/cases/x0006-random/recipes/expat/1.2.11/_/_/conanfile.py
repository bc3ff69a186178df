from conans import ConanFile


class ExpatConan(ConanFile):
    name = "expat"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True}
    requires = "grpc/0.9.1",

    def requirements(self):
        if self.options.with_extra:
            self.requires("bzip2/0.9.1")

    def package_id(self):
        if "grpc" in self.info.requires.pkg_names:
            self.info.requires["grpc"].full_version_mode()
