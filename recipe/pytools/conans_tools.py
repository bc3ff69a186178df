# conid's conans.tools (Conan 1's legacy tools): what recipes call while a
# graph is computed. The machine is taken to be Linux x86_64, as on the
# machine where Conan computed the ground truth; everything else in the
# module is an importable build-time helper conid never runs.
from conans.client.tools.version import Version
from conans.errors import ConanInvalidConfiguration, ConanException
import _conid


def detected_os():
    return "Linux"


def detected_architecture():
    return "x86_64"


class OSInfo(object):
    is_linux = True
    is_windows = False
    is_macos = False
    is_freebsd = False
    is_solaris = False
    is_aix = False
    is_posix = True
    os_version = None
    os_version_name = None
    linux_distro = "debian"
    with_apt = True
    with_yum = False
    with_dnf = False
    with_pacman = False
    with_zypper = False

    @staticmethod
    def bash_path():
        return None


os_info = OSInfo()


def get_env(env_key, default=None, environment=None):
    # conid does not read the environment of the machine: recipes see
    # every variable as unset, so the result never depends on where it runs.
    return default


def cpu_count(output=None):
    return _conid.cpu_count()


def _build_os_arch(conanfile):
    if hasattr(conanfile, "settings_build"):
        return conanfile.settings_build.get_safe("os"), conanfile.settings_build.get_safe("arch")
    return conanfile.settings.get_safe("os_build"), conanfile.settings.get_safe("arch_build")


def get_cross_building_settings(conanfile, self_os=None, self_arch=None):
    os_build, arch_build = _build_os_arch(conanfile)
    if not hasattr(conanfile, "settings_build"):
        os_build = self_os or os_build or detected_os()
        arch_build = self_arch or arch_build or detected_architecture()
    return os_build, arch_build, conanfile.settings.get_safe("os"), conanfile.settings.get_safe("arch")


class _SettingsHolder(object):
    def __init__(self, settings):
        self.settings = settings


def cross_building(conanfile=None, self_os=None, self_arch=None, skip_x64_x86=False, settings=None):
    if conanfile and settings:
        raise ConanException("Do not set both arguments, 'conanfile' and 'settings', to call cross_building function")
    if conanfile is not None and not hasattr(conanfile, "settings"):
        conanfile = _SettingsHolder(conanfile)
    if conanfile is None:
        conanfile = _SettingsHolder(settings)
    build_os, build_arch, host_os, host_arch = get_cross_building_settings(conanfile, self_os, self_arch)
    if skip_x64_x86 and host_os is not None and build_os == host_os and host_arch is not None:
        if (build_arch, host_arch) in (("x86_64", "x86"), ("sparcv9", "sparc"), ("ppc64", "ppc32")):
            return False
    if host_os is not None and build_os != host_os:
        return True
    if host_arch is not None and build_arch != host_arch:
        return True
    return False


def is_apple_os(os_):
    return str(os_) in ["Macos", "iOS", "watchOS", "tvOS"]


def _as_year(std):
    std = str(std).replace("gnu", "")
    return "19" + std if std == "98" else "20" + std


def check_min_cppstd(conanfile, cppstd, gnu_extensions=False):
    if not str(cppstd).isdigit():
        raise ConanException("cppstd parameter must be a number")
    current = conanfile.settings.get_safe("compiler.cppstd")
    if not current:
        compiler = conanfile.settings.get_safe("compiler")
        version = conanfile.settings.get_safe("compiler.version")
        if not compiler or not version:
            raise ConanException("Could not obtain cppstd because there is no declared compiler in the 'settings' field of the recipe.")
        current = _conid.cppstd_default(compiler, version, conanfile.settings.get_safe("compiler.base") or "")
        if current is None:
            raise ConanInvalidConfiguration(
                "Could not detect the current default cppstd for the compiler {}-{}.".format(compiler, version))
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


def cppstd_default(settings):
    compiler = settings.get_safe("compiler")
    if compiler is None:
        return None
    return _conid.cppstd_default(str(compiler), str(settings.get_safe("compiler.version")),
                                 settings.get_safe("compiler.base") or "")


def cppstd_flag(settings):
    cppstd = settings.get_safe("cppstd") or settings.get_safe("compiler.cppstd")
    return _conid.cppstd_flag(settings.get_safe("compiler"), settings.get_safe("compiler.version"),
                              cppstd, settings.get_safe("compiler.base"))


# conans.tools.msvs_toolset is older than conan.tools.microsoft's: an
# explicit compiler.toolset, "Intel C++ Compiler <version>", or else the
# Visual Studio version looked up whatever the compiler (msvc's "193" maps
# to nothing, and gcc's "11" to "v110", as in Conan 1.65).
_LEGACY_VS_TOOLSETS = {"17": "v143", "16": "v142", "15": "v141", "14": "v140", "12": "v120",
                       "11": "v110", "10": "v100", "9": "v90", "8": "v80"}


def msvs_toolset(conanfile):
    settings = conanfile.settings if hasattr(conanfile, "settings") else conanfile
    toolset = settings.get_safe("compiler.toolset")
    if not toolset:
        compiler = settings.get_safe("compiler")
        version = settings.get_safe("compiler.version")
        if compiler == "intel":
            version = version if "." in version else "%s.0" % version
            toolset = "Intel C++ Compiler " + version
        else:
            toolset = _LEGACY_VS_TOOLSETS.get(version)
    return toolset


def stdcpp_library(conanfile):
    libcxx = conanfile.settings.get_safe("compiler.libcxx")
    return {"libstdc++": "stdc++", "libstdc++11": "stdc++", "libc++": "c++", "c++_shared": "c++_shared",
            "c++_static": "c++_static"}.get(libcxx)
