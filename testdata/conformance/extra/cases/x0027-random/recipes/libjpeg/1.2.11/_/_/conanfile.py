from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_extra": [True, False]}
    default_options = {"with_extra": True, "zstd:shared": False}
    requires = ("zstd/[~1]", "private"),"icu/1.2.13"

    def requirements(self):
        if self.options.with_extra:
            self.requires("protobuf/[>=3.0.0]")

    def package_id(self):
        if "icu" in self.info.requires.pkg_names:
            self.info.requires["icu"].unrelated_mode()
