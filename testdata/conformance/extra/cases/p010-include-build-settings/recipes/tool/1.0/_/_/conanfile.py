from conans import ConanFile


class ToolConan(ConanFile):
    name = "tool"
    settings = "os", "arch", "os_build", "arch_build"

    def package_id(self):
        self.info.include_build_settings()
