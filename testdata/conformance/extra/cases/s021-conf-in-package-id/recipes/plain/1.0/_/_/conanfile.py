from conans import ConanFile

class Plain(ConanFile):
    name = "plain"
    version = "1.0"
    settings = "os", "arch"
