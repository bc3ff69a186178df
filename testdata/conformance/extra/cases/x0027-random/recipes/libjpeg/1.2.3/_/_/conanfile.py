from conans import ConanFile


class LibjpegConan(ConanFile):
    name = "libjpeg"
    settings = "os", "arch", "compiler", "build_type"
    default_options = {"protobuf:shared": True, "zstd:shared": False}
    requires = ("protobuf/[*]", "private"),"zstd/3.0.0","icu/1.2.13"

    def package_id(self):
        if "zstd" in self.info.requires.pkg_names:
            self.info.requires["zstd"].full_package_mode()
