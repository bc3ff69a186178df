from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"zlib:shared": True}
    requires = "zlib/1.0", "freetype/1.2.3", "bzip2/[>=1.1]"
    build_requires = "meson/1.0",
