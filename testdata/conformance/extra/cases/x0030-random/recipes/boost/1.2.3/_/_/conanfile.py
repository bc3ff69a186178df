from conans import ConanFile


class BoostConan(ConanFile):
    name = "boost"
    settings = "os", "arch", "compiler", "build_type"
    requires = "re2/[*]",

    def package_id(self):
        if "re2" in self.info.requires.pkg_names:
            self.info.requires["re2"].full_package_mode()
