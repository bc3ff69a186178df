from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"bzip2:shared": True}
    requires = "bzip2/[>=0.9.1]", "libpng/1.2.3"
    build_requires = "meson/1.0",
