from conans import ConanFile
class Base(object):
    default_user = "me"
    default_channel = "stable"

class Pkg(Base, ConanFile):
    name = "aa"
    settings = "os"


