from conans import ConanFile


class C_aresConan(ConanFile):
    name = "c-ares"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    requires = "protobuf/1.2.3",

    def requirements(self):
        if self.options.with_extra:
            self.requires("spdlog/1.2.3")
