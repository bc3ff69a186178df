from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "build_type"

    def configure(self):
        self.conf.define("user.x:v", "fromrecipe")

    def package_id(self):
        self.info.conf = self.conf
