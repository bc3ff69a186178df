from conans import ConanFile

class Pkg(ConanFile):
    name = "aa"
    settings = "os"
    default_user = "me"
    default_channel = "stable"

    def requirements(self):
        self.requires('zz/1.0@%s/%s' % (self.user, self.channel))

