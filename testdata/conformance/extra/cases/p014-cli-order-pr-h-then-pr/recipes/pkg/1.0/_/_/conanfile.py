from conans import ConanFile


class PkgConan(ConanFile):
    name = "pkg"
    settings = "os", "build_type"
    options = {"level": ["1", "2", "3"]}
    default_options = {"level": "2"}
