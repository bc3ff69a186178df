from conans import ConanFile

class Pkg(ConanFile):
    name = "zz"
    settings = "os"


