from conans import ConanFile


class AppConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"

    def build_requirements(self):
        self.test_requires("gtest/1.12.1")
        self.tool_requires("cmake/3.25.1")
