from conans import ConanFile


class PkgConan(ConanFile):
    name = "pkg"
    settings = "os", "arch", "compiler", "build_type"

    def configure(self):
        self.settings.rm_safe("compiler.libcxx")
        self.settings.rm_safe("compiler.nonexistent")
        if self.settings.get_safe("compiler.cppstd") is None:
            self.output.info("no cppstd")
        if self.settings.get_safe("os.subsystem", "nope") == "nope":
            del self.settings.build_type
