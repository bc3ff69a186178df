from conans import ConanFile
from conans.errors import ConanInvalidConfiguration, ConanException


class C(ConanFile):
    settings = "os"
    requires = "zz/1.0"
