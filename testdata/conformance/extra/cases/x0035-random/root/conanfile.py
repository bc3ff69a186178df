from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"icu:shared": True}
    requires = "grpc/[~0]", "icu/[>=1.2.11]", "spdlog/[>=3.0.0]"
