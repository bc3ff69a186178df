from conans import ConanFile


class GrpcConan(ConanFile):
    name = "grpc"
    settings = "os", "arch", "compiler", "build_type"
    build_requires = "cmake/1.0",
