from conans import ConanFile


class C(ConanFile):
    default_user = "me"
    default_channel = "stable"
    requires = "zz/1.0"

    def configure(self):
        self.output.info("user=%s" % self.user)
