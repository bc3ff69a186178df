from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "compiler", "build_type", "arch"
    build_policy = "always"

    def compatibility(self):
        return [{"settings": [("compiler.nope", "1")]}]
