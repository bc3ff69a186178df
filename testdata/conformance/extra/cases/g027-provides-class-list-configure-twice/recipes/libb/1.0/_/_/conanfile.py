from conans import ConanFile

class B(ConanFile):
    name = "libb"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    requires = "mpir/3.0.0"
    default_options = {"mpir:shared": True}
