from conans import ConanFile


class CmakeConan(ConanFile):
    name = "cmake"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
