from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "fmt/1.1", "zlib/[>=1.2.11]", "pcre2/0.9.1"
    build_requires = "ninja/1.0",
