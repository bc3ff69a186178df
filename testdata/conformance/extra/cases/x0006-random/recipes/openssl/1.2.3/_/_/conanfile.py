from conans import ConanFile


class OpensslConan(ConanFile):
    name = "openssl"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": True}
    requires = "protobuf/3.0.0",
    build_requires = "meson/1.0",
