from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "build_type"

    def configure(self):
        self.conf.unset("user.x:v")

    def package_id(self):
        self.info.conf = self.conf
