from conans import ConanFile


class PkgConan(ConanFile):
    name = "pkg"
    settings = "os", "arch", "compiler", "build_type"
    options = {"x": [1, 2]}
    default_options = {"x": 1}

    def configure(self):
        if str(self.settings.compiler) in ["gcc", "clang"] and self.settings.arch in ("x86_64", "armv8"):
            self.options.x = 2
        if "gc" in self.settings.compiler:
            self.output.info("substring")
