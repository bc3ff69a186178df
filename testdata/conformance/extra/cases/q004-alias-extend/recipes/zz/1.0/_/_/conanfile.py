from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os"
    python_requires = "pyreq/latest"
    python_requires_extend = "pyreq.Base"
