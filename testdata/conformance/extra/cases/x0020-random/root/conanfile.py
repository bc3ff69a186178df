from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"spdlog:shared": True, "grpc:shared": True, "libcurl:shared": True}
    requires = "xz_utils/1.0", "spdlog/[~2]", "grpc/[>=1.2.11]", "libcurl/1.2.11"
