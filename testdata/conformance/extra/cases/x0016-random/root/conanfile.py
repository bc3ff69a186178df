from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "libjpeg/1.2.13", "c-ares/[*]", "fmt/0.9.1", "libpng/1.2.3"
