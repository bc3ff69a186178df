from conans import ConanFile


class ToolConan(ConanFile):
    name = "tool"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
        del self.info.settings.build_type
