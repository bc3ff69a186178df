from conans import ConanFile


class HdrConan(ConanFile):
    name = "hdr"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_x": [True, False]}
    default_options = {"with_x": False}
