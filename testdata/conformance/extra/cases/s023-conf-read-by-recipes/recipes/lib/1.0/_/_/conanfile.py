from conans import ConanFile

class Lib(ConanFile):
    name = "lib"
    version = "1.0"
    settings = "os", "arch"
    options = {"level": ["ANY"]}
    default_options = {"level": "0"}

    def configure(self):
        self.options.level = str(self.conf.get("user.feature:level", default=1))

    def requirements(self):
        if self.conf.get("user.feature:extra", check_type=bool):
            self.requires("zlib/1.0")
        if self.conf.get("user.feature:missing", default="yes") == "yes":
            self.output.info("default applies")
