from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"pcre2:shared": True}
    requires = "openssl/1.1", "pcre2/2.0"
