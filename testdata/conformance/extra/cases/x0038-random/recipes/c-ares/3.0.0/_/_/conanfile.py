from conans import ConanFile


class C_aresConan(ConanFile):
    name = "c-ares"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    requires = "lz4/0.9.1",("zstd/0.9.1", "private"),("sqlite3/1.0", "private")

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            del self.options.fPIC
