from conans import ConanFile
class Root(ConanFile):
    settings = 'os'
    requires = ('aa/[>=0.5]',)
