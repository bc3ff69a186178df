from conans import ConanFile


class C(ConanFile):
    name = "aa"
    build_requires = "tt/1.0"
