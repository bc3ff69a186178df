# conid's conan.tools.apple: what recipes call while a graph is computed.

def is_apple_os(conanfile):
    return str(conanfile.settings.get_safe("os")) in ["Macos", "iOS", "watchOS", "tvOS"]


_APPLE_ARCH = {"x86": "i386", "x86_64": "x86_64", "armv7": "armv7", "armv8": "arm64", "armv8_32": "arm64_32",
               "armv8.3": "arm64e", "armv7s": "armv7s", "armv7k": "armv7k"}


def to_apple_arch(conanfile, default=None):
    return _APPLE_ARCH.get(conanfile.settings.get_safe("arch"), default)
