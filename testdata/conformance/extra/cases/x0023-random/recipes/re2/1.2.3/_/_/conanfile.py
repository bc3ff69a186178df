from conans import ConanFile


class Re2Conan(ConanFile):
    name = "re2"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"spdlog:shared": True}
    requires = ("spdlog/[>=1.0]", "private"),
    build_requires = "ninja/1.0",
