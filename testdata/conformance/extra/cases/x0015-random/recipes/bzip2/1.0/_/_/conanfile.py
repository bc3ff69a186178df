from conans import ConanFile


class Bzip2Conan(ConanFile):
    name = "bzip2"
    settings = "os", "arch", "compiler", "build_type"
    requires = "libcurl/[>=1.2.11]",
    build_requires = "meson/1.0",
