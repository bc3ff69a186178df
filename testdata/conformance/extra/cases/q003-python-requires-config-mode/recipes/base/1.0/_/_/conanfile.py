from conans import ConanFile


def helper(version):
    return "zlib/%s" % version


class MyBase(object):
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}

    def configure(self):
        if self.options.shared:
            del self.options.fPIC


class BasePyReq(ConanFile):
    name = "base"
    version = "1.0"
