from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"spdlog:shared": True}
    requires = "spdlog/[>=1.1]", "abseil/[>=1.2.13]", "freetype/[>=1.2.13]", "zlib/[>=3.0.0]", "bzip2/1.2.3"
