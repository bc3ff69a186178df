from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": True, "fmt:shared": True}
    requires = "protobuf/1.2.13", "xz_utils/[~1]", "libcurl/1.2.11", "fmt/1.0"
