from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"libjpeg:shared": True}
    requires = "boost/0.9.1", "libjpeg/[>=1.2.13]", "bzip2/[*]"
