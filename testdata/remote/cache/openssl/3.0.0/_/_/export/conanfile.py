from conans import ConanFile
class P(ConanFile):
    name = "openssl"
    version = "3.0.0"
    settings = "os", "build_type"
    requires = ("zlib/[>=1.2 <1.3]",)
