from conans import ConanFile


class NinjaConan(ConanFile):
    name = "ninja"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
