from conans import ConanFile


class ExpatConan(ConanFile):
    name = "expat"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"bzip2:shared": False}
    requires = "bzip2/3.0.0",("grpc/[>=2.0]", "private")
    build_requires = "cmake/1.0",
