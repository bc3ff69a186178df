from conans import ConanFile

class App(ConanFile):
    name = "app"
    version = "1.0"
    settings = "os", "arch", "compiler", "build_type"
    requires = "libjpeg/9e"
    build_requires = "libjpeg-turbo/3.0.0"
