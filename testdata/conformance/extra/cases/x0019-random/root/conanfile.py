from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "freetype/1.2.3", "boost/1.0", "spdlog/1.2.13"
