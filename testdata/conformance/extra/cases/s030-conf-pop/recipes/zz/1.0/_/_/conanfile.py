from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "build_type"

    def configure(self):
        v = self.conf.pop("user.x:v", "d")
        self.output.info("VAL=%r" % (v,))

    def package_id(self):
        self.info.settings.os = repr(self.conf.pop("user.x:v", "d"))
