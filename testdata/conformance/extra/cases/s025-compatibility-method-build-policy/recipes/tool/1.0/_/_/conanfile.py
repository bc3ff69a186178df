from conans import ConanFile


class Tool(ConanFile):
    name = "tool"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    build_policy = "always"

    def compatibility(self):
        if self.settings.build_type == "Debug":
            return [{"settings": [("build_type", "Release")]},
                    {"settings": [("compiler.version", "10")]}]
