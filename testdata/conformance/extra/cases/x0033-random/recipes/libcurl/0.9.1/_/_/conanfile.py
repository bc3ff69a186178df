from conans import ConanFile


class LibcurlConan(ConanFile):
    name = "libcurl"
    settings = "os", "arch", "compiler", "build_type"
