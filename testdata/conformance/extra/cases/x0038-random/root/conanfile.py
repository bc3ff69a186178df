from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"libpng:shared": True, "zlib:shared": True}
    requires = "c-ares/[>=0.9.1]", "xz_utils/0.9.1", "zstd/[>=1.2.13]", "libpng/1.2.13", "sqlite3/[~1]", "zlib/[~1]"
