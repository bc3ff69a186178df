from conans import ConanFile


class FmtConan(ConanFile):
    name = "fmt"
    settings = "os", "arch", "compiler", "build_type"
    requires = "zlib/[*]","pcre2/[>=0.9.1]"
