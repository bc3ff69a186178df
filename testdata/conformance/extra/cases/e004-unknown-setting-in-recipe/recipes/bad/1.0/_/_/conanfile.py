from conans import ConanFile


class BadConan(ConanFile):
    name = "bad"
    settings = "os", "platform"
