from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": True}
    requires = "protobuf/2.0", "xz_utils/[~3]", "libcurl/3.0.0"
    build_requires = "ninja/1.0",
