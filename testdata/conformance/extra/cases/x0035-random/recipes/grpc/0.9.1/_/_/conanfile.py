from conans import ConanFile


class GrpcConan(ConanFile):
    name = "grpc"
    settings = "os", "arch", "compiler", "build_type"
    requires = "icu/[>=1.0]",
