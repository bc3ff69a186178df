from conans import ConanFile

class A(ConanFile):
    name = "liba"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    requires = "mpir/3.0.0"
