from conans import ConanFile


class M4Conan(ConanFile):
    name = "m4"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
