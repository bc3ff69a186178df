from conans import ConanFile


class C(ConanFile):
    name = "zz"
    options = {"probe": ["yes", "no"]}
    default_options = {"probe": "no"}
