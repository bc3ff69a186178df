from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "compiler", "build_type", "arch"
    build_policy = "always"
    options = {"shared": [True, False]}
    default_options = {"shared": False}

    def compatibility(self):
        return [{"options": [("shared", True)]}]
