from conans import ConanFile
class P(ConanFile):
    name = "zlib"
    version = "1.2.11"
    settings = "os", "build_type"
    requires = ()
