from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"libcurl:shared": True}
    requires = "re2/[>=1.2.11]", "libcurl/[>=3.0.0]", "pcre2/3.0.0"
