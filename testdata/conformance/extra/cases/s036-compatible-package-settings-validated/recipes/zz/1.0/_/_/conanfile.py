from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "compiler", "build_type", "arch"
    build_policy = "always"

    def package_id(self):
        self.info.settings.build_type = "Any"
        c = self.info.clone()
        c.settings.compiler.version = "10"
        self.compatible_packages.append(c)
