from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "abseil/[~1]", "fmt/1.2.13", "xz_utils/[>=1.2.13]"
