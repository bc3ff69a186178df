from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"pcre2:shared": True}
    requires = "pcre2/0.9.1", "icu/[>=0.9.1]", "freetype/3.0.0"
