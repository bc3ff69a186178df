from conans import ConanFile


class MesonConan(ConanFile):
    name = "meson"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
