from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "compiler", "build_type", "arch"
    build_policy = "always"
    options = {"shared": [True, False]}
    default_options = {"shared": False}

    def package_id(self):
        c = self.info.clone()
        c.options.shared = True
        self.compatible_packages.append(c)
