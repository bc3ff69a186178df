from conans import ConanFile


class ToolConan(ConanFile):
    name = "tool"
    settings = "os", "arch"
