from conans import ConanFile


class WinConan(ConanFile):
    name = "win"
    settings = {"os": ["Windows"], "arch": None}
