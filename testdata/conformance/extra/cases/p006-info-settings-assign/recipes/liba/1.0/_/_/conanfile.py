from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        self.info.settings.compiler.version = "Any"
        self.info.settings.build_type = "Release"
