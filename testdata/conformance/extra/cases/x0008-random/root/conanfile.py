from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "abseil/[~1]", "re2/[>=2.0]", "boost/[>=3.0.0]"
