from conans import ConanFile


class CMakeConan(ConanFile):
    name = "cmake"
    license = "BSD-3-Clause"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
        del self.info.settings.build_type
