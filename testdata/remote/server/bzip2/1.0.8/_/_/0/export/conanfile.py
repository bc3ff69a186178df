from conans import ConanFile
class P(ConanFile):
    name = "bzip2"
    version = "1.0.8"
    settings = "os", "build_type"
    requires = ()
