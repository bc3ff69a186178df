from conans import ConanFile


class PkgconfConan(ConanFile):
    name = "pkgconf"
    settings = "os", "arch", "compiler", "build_type"

    def package_id(self):
        del self.info.settings.compiler
