from conan import ConanFile


class Tool0000Conan(ConanFile):
    name = "tool0000"
    version = "1.0.0"
    settings = "os", "arch", "compiler", "build_type"
    description = "a generated build tool"

    def package_id(self):
        del self.info.settings.compiler
        del self.info.settings.build_type
