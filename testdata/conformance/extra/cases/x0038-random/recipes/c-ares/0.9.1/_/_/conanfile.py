from conans import ConanFile


class C_aresConan(ConanFile):
    name = "c-ares"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_extra": True}
    requires = "lz4/0.9.1","zstd/[*]"
    build_requires = "cmake/1.0",

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC

    def requirements(self):
        if self.options.with_extra:
            self.requires("sqlite3/[>=2.0]")
