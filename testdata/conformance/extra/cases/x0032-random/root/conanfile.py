from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "boost/3.0.0", "openssl/[>=1.2.3]", "protobuf/1.0"
