from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"fmt:shared": True}
    requires = "fmt/2.0",
