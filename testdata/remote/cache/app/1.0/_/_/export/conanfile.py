from conans import ConanFile
class P(ConanFile):
    name = "app"
    version = "1.0"
    settings = "os", "build_type"
    requires = ("boost/[>=1.70]","openssl/3.0.0",)
