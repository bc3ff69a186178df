from conans import ConanFile


class LibcurlConan(ConanFile):
    name = "libcurl"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": False}
    build_requires = "ninja/1.0",
