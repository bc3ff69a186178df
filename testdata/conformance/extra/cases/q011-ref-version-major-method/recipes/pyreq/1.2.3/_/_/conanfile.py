from conans import ConanFile


class PyReq(ConanFile):
    name = "pyreq"
