# conid's implementation of the parts of conan.tools.microsoft that
# recipes call while a graph is computed. Other names of the module are
# importable build-time helpers that conid never runs.
from conan.tools.scm import Version
from conans.errors import ConanInvalidConfiguration, ConanException
from conan.tools.layout import vs_layout

_VS_TO_MSVC = {"17": "193", "16": "192", "15": "191", "14": "190", "12": "180", "11": "170"}
_MSVC_TO_VS = {"170": "11", "180": "12", "190": "14", "191": "15", "192": "16", "193": "17"}
_MSVC_TO_TOOLSET = {"170": "v110", "180": "v120", "190": "v140", "191": "v141", "192": "v142", "193": "v143"}
_VS_TOOLSETS = {"17": "v143", "16": "v142", "15": "v141", "14": "v140", "12": "v120", "11": "v110",
                "10": "v100", "9": "v90", "8": "v80"}


def is_msvc(conanfile, build_context=False):
    settings = conanfile.settings
    if build_context and hasattr(conanfile, "settings_build"):
        settings = conanfile.settings_build
    return settings.get_safe("compiler") in ["Visual Studio", "msvc"]


def msvc_runtime_flag(conanfile):
    settings = conanfile.settings
    compiler = settings.get_safe("compiler")
    runtime = settings.get_safe("compiler.runtime")
    if compiler == "Visual Studio":
        return runtime
    if compiler == "clang" and runtime in ("MD", "MT", "MTd", "MDd"):
        return runtime
    if runtime is not None:
        if runtime == "static":
            flag = "MT"
        elif runtime == "dynamic":
            flag = "MD"
        else:
            raise ConanException("compiler.runtime should be 'static' or 'dynamic'")
        runtime_type = settings.get_safe("compiler.runtime_type")
        if runtime_type == "Debug":
            flag = flag + "d"
        return flag
    return ""


def is_msvc_static_runtime(conanfile):
    return is_msvc(conanfile) and "MT" in msvc_runtime_flag(conanfile)


def check_min_vs(conanfile, version, raise_invalid=True):
    compiler = conanfile.settings.get_safe("compiler")
    current = None
    if compiler == "Visual Studio":
        current = _VS_TO_MSVC.get(conanfile.settings.get_safe("compiler.version"))
    elif compiler == "msvc":
        current = conanfile.settings.get_safe("compiler.version")
        update = conanfile.settings.get_safe("compiler.update")
        if current and update is not None:
            current = current + "." + update
    if current and Version(current) < version:
        if raise_invalid:
            raise ConanInvalidConfiguration(
                f"This package doesn't work with VS compiler version '{current}', it requires at least '{version}'")
        return False
    return True


def msvc_version_to_vs_ide_version(version):
    return _MSVC_TO_VS[str(version)]


def msvc_version_to_toolset_version(version):
    return _MSVC_TO_TOOLSET.get(str(version))


def vs_ide_version(conanfile):
    compiler = conanfile.settings.get_safe("compiler")
    version = conanfile.settings.get_safe("compiler.version")
    if compiler == "msvc":
        tool = conanfile.conf.get("tools.microsoft.msbuild:vs_version", check_type=str)
        if tool:
            return tool
        return msvc_version_to_vs_ide_version(version)
    return version


def msvs_toolset(conanfile):
    settings = conanfile.settings
    compiler = settings.get_safe("compiler")
    version = settings.get_safe("compiler.version")
    if compiler == "Visual Studio":
        toolset = settings.get_safe("compiler.toolset")
        if toolset is None:
            return _VS_TOOLSETS.get(version)
        return toolset
    if compiler == "intel":
        return "Intel C++ Compiler " + ".".join(str(version).split(".")[:2])
    if compiler == "msvc":
        toolset = settings.get_safe("compiler.toolset")
        if toolset is None:
            return _MSVC_TO_TOOLSET.get(version)
        return toolset
    if compiler == "clang":
        return "ClangCl"
    if compiler == "intel-cc":
        return conanfile.settings.get_safe("compiler.mode")
