from conans import ConanFile


class CmakeConan(ConanFile):
    name = "cmake"
    settings = "os", "arch", "compiler", "build_type"
