from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "pcre2/[>=3.0.0]", "abseil/3.0.0", "libpng/1.2.13"
