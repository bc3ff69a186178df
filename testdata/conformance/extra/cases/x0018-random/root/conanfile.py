from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    requires = "lz4/2.0", "xz_utils/[>=1.1]", "libpng/[~0]", "grpc/[>=1.2.3]"
    build_requires = "cmake/1.0",
