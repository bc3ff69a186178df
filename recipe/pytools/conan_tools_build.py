# conid's conan.tools.build: what recipes call while a graph is computed.
from conans.errors import ConanInvalidConfiguration, ConanException
from conans.model.version import Version
import _conid


def _cross_settings(conanfile):
    host_os = conanfile.settings.get_safe("os")
    host_arch = conanfile.settings.get_safe("arch")
    if hasattr(conanfile, "settings_build"):
        return (conanfile.settings_build.get_safe("os"), conanfile.settings_build.get_safe("arch"),
                host_os, host_arch)
    return host_os, host_arch, host_os, host_arch


def cross_building(conanfile=None, skip_x64_x86=False):
    forced = conanfile.conf.get("tools.build.cross_building:cross_build", check_type=bool)
    if forced is not None:
        return forced
    build_os, build_arch, host_os, host_arch = _cross_settings(conanfile)
    if skip_x64_x86 and host_os is not None and build_os == host_os and host_arch is not None:
        if (build_arch, host_arch) in (("x86_64", "x86"), ("sparcv9", "sparc"), ("ppc64", "ppc32")):
            return False
    if host_os is not None and build_os != host_os:
        return True
    if host_arch is not None and build_arch != host_arch:
        return True
    return False


def can_run(conanfile):
    allowed = conanfile.conf.get("tools.build.cross_building:can_run", check_type=bool)
    if allowed is None:
        return not cross_building(conanfile)
    return allowed


def _as_year(std):
    std = str(std).replace("gnu", "")
    return "19" + std if std == "98" else "20" + std


def check_min_cppstd(conanfile, cppstd, gnu_extensions=False):
    if not str(cppstd).isdigit():
        raise ConanException("cppstd parameter must be a number")
    current = conanfile.settings.get_safe("compiler.cppstd")
    if current is None:
        raise ConanInvalidConfiguration("The compiler.cppstd is not defined for this configuration")
    if gnu_extensions and "gnu" not in current:
        raise ConanInvalidConfiguration("The cppstd GNU extension is required")
    if _as_year(current) < _as_year(cppstd):
        raise ConanInvalidConfiguration(
            "Current cppstd ({}) is lower than the required C++ standard ({}).".format(current, cppstd))


def valid_min_cppstd(conanfile, cppstd, gnu_extensions=False):
    try:
        check_min_cppstd(conanfile, cppstd, gnu_extensions)
    except ConanInvalidConfiguration:
        return False
    return True


def default_cppstd(conanfile, compiler=None, compiler_version=None):
    compiler = compiler or conanfile.settings.get_safe("compiler")
    compiler_version = compiler_version or conanfile.settings.get_safe("compiler.version")
    if not compiler or not compiler_version:
        raise ConanException("Called default_cppstd with no compiler or no compiler.version")
    if str(compiler) == "msvc":
        return "14" if Version(compiler_version) >= "190" else None
    if str(compiler) == "intel":
        return None
    return _conid.cppstd_default(str(compiler), str(compiler_version), "")


_SUPPORTED = {
    "apple-clang": [("4.0", 0), ("5.1", 4), ("6.1", 6), ("10.0", 8), ("13.0", 10), (None, 12)],
    "gcc": [("3.4", 0), ("4.3", 2), ("4.8", 4), ("5", 6), ("8", 8), ("11", 10), (None, 12)],
    "clang": [("2.1", 0), ("3.4", 4), ("3.5", 6), ("6", 8), ("12", 10), (None, 12)],
    "mcst-lcc": [("1.21", 2), ("1.24", 6), ("1.25", 8), (None, 10)],
}
_ALL = ["98", "gnu98", "11", "gnu11", "14", "gnu14", "17", "gnu17", "20", "gnu20", "23", "gnu23"]


def supported_cppstd(conanfile, compiler=None, compiler_version=None):
    compiler = compiler or conanfile.settings.get_safe("compiler")
    compiler_version = compiler_version or conanfile.settings.get_safe("compiler.version")
    if not compiler or not compiler_version:
        raise ConanException("Called supported_cppstd with no compiler or no compiler.version")
    version = Version(compiler_version)
    if compiler == "msvc":
        if version < "190":
            return []
        if version < "191":
            return ["14", "17"]
        if version < "193":
            return ["14", "17", "20"]
        return ["14", "17", "20", "23"]
    table = _SUPPORTED.get(compiler)
    if table is None:
        return None
    for limit, count in table:
        if limit is None or version < limit:
            return _ALL[:count]


def stdcpp_library(conanfile):
    libcxx = conanfile.settings.get_safe("compiler.libcxx")
    if libcxx in ["libstdc++", "libstdc++11"]:
        return "stdc++"
    if libcxx in ["libc++"]:
        return "c++"
    if libcxx in ["c++_shared"]:
        return "c++_shared"
    if libcxx in ["c++_static"]:
        return "c++_static"
    return None


def cppstd_flag(conanfile):
    settings = conanfile.settings
    return _conid.cppstd_flag(settings.get_safe("compiler"), settings.get_safe("compiler.version"),
                              settings.get_safe("compiler.cppstd"), settings.get_safe("compiler.base"))


def build_jobs(conanfile):
    njobs = conanfile.conf.get("tools.build:jobs", check_type=int)
    if njobs is not None:
        return njobs
    return _conid.cpu_count()
