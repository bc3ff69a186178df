from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"openssl:shared": True}
    requires = "pcre2/[>=0.9.1]", "abseil/1.2.11", "openssl/[>=3.0.0]", "libcurl/[>=1.1]"
