from conans import ConanFile

class App(ConanFile):
    name = "app"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    requires = "protobuf/3.21.12", "zlib/1.3"
    build_requires = "protobuf/3.21.12"
