from conans import ConanFile

class Pkg(ConanFile):
    name = "aa"
    settings = "os"
    # default_user = 'me'


