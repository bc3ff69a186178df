from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"icu:shared": True, "fmt:shared": True, "spdlog:shared": True}
    requires = "libcurl/0.9.1", "icu/3.0.0", "fmt/2.0", "spdlog/[~1]", "freetype/2.0", "xz_utils/[>=1.2.11]"
    build_requires = "ninja/1.0",
