from conans import ConanFile


class InstConan(ConanFile):
    name = "inst"
    settings = "os_build", "arch_build"
