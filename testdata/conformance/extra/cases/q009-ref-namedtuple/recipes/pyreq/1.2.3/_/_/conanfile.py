from conans import ConanFile


class Base(object):
    def configure(self):
        self.output.info("base configure")


class PyReq(ConanFile):
    name = "pyreq"
