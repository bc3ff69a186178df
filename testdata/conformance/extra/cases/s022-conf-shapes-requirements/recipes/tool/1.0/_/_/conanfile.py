from conans import ConanFile

class Tool(ConanFile):
    name = "tool"
    version = "1.0"
    settings = "os", "arch"

    def requirements(self):
        if self.conf.get("user.feature:extra", check_type=bool):
            self.requires("zlib/1.0")
