from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"spdlog:shared": True, "bzip2:shared": True}
    requires = "zlib/1.0", "boost/[*]", "spdlog/[>=3.0.0]", "bzip2/1.1"
