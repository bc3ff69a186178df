from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": True}
    requires = "pcre2/[~1]", "protobuf/1.1", "xz_utils/1.2.13", "freetype/2.0"
