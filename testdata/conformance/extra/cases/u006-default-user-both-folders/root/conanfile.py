from conans import ConanFile
class Root(ConanFile):
    settings = 'os'
    requires = ('aa/1.0@other/testing', 'bb/1.0@me/stable')
