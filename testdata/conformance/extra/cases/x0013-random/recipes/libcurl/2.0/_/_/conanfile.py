from conans import ConanFile


class LibcurlConan(ConanFile):
    name = "libcurl"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"fmt:shared": True}
    requires = "fmt/1.0",
    build_requires = "ninja/1.0",
