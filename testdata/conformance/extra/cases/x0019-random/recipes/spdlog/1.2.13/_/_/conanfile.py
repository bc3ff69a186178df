from conans import ConanFile


class SpdlogConan(ConanFile):
    name = "spdlog"
    settings = "os", "arch", "compiler", "build_type"
