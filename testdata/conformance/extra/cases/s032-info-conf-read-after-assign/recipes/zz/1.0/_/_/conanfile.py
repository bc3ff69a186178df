from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "build_type"

    def package_id(self):
        self.info.conf = self.conf
        self.info.conf.get("user.x:v")
