from conans import ConanFile


class LibaConan(ConanFile):
    name = "liba"
    settings = "os", "arch", "compiler", "build_type"

    def build_id(self):
        self.info_build.settings.build_type = "Any"
