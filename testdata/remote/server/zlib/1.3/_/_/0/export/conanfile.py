from conans import ConanFile
class P(ConanFile):
    name = "zlib"
    version = "1.3"
    settings = "os", "build_type"
    requires = ()
