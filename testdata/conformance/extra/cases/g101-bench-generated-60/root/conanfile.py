from conan import ConanFile


class ConsumerConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"p000057/*:shared": True}

    def requirements(self):
        self.requires("p000054/1.2.3")
        self.requires("p000055/1.1.3")
        self.requires("p000056/1.1.2")
        self.requires("p000057/1.1.2")
        self.requires("p000058/1.2.1")
