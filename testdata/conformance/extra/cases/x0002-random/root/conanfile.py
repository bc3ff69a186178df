from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "bzip2/1.0", "zstd/1.2.13", "icu/1.2.11", "libcurl/1.0", "protobuf/[>=1.2.3]", "spdlog/[>=0.9.1]", "freetype/[>=1.2.3]"
