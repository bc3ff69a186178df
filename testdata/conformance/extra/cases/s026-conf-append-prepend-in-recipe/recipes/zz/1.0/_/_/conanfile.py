from conans import ConanFile


class C(ConanFile):
    name = "zz"
    settings = "os", "build_type"

    def configure(self):
        self.conf.append("user.x:l", "c")
        self.conf.prepend("user.x:l", "z")

    def package_id(self):
        self.info.conf = self.conf
