from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"c-ares:shared": True, "bzip2:shared": True}
    requires = "boost/[*]", "xz_utils/[>=1.2.13]", "c-ares/1.2.13", "bzip2/1.2.3"
