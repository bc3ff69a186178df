from conans import ConanFile
class P(ConanFile):
    name = "boost"
    version = "1.80.0"
    settings = "os", "build_type"
    requires = ("zlib/[~1.2]","bzip2/1.0.8",)
