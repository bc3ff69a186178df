from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd, cross_building
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.env import VirtualBuildEnv, VirtualRunEnv
from conan.tools.files import apply_conandata_patches, copy, export_conandata_patches, get, rm, rmdir, replace_in_file
from conan.tools.microsoft import is_msvc, is_msvc_static_runtime
from conan.tools.scm import Version
import os
import textwrap

required_conan_version = ">=1.53.0"


class ExampleLibConan(ConanFile):
    """Builds the example library, a made-up package used to benchmark the parser."""

    name = "examplelib"
    description = "A compression and archiving library written for benchmarking purposes."
    license = "MIT"
    url = "https://example.invalid/conan-recipes"
    homepage = "https://example.invalid/examplelib"
    topics = ("compression", "archive", "benchmark")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
        "with_zlib": [True, False],
        "with_bzip2": [True, False],
        "with_lzma": [True, False],
        "with_openssl": [True, False],
        "encryption": [None, "openssl", "mbedtls"],
        "max_threads": ["ANY"],
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        "with_zlib": True,
        "with_bzip2": False,
        "with_lzma": True,
        "with_openssl": False,
        "encryption": None,
        "max_threads": 4,
    }

    @property
    def _min_cppstd(self):
        return 14 if Version(self.version) >= "2.0" else 11

    @property
    def _compilers_minimum_version(self):
        return {
            "gcc": "7",
            "clang": "6",
            "apple-clang": "10",
            "Visual Studio": "15",
            "msvc": "191",
        }

    def export_sources(self):
        export_conandata_patches(self)
        copy(self, "CMakeLists.txt", self.recipe_folder, os.path.join(self.export_sources_folder, "src"))

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC
        if Version(self.version) < "1.5":
            del self.options.with_lzma

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")
        if not self.options.with_openssl and self.options.encryption == "openssl":
            raise ConanInvalidConfiguration(f"{self.ref}: encryption=openssl requires with_openssl=True")
        self.settings.rm_safe("compiler.libcxx")
        self.settings.rm_safe("compiler.cppstd")

    def layout(self):
        cmake_layout(self, src_folder="src")

    def requirements(self):
        if self.options.with_zlib:
            self.requires("zlib/[>=1.2.11 <2]")
        if self.options.with_bzip2:
            self.requires("bzip2/1.0.8")
        if self.options.get_safe("with_lzma"):
            self.requires("xz_utils/5.4.5")
        if self.options.with_openssl or self.options.encryption == "openssl":
            self.requires("openssl/[>=1.1 <4]", transitive_headers=True)
        elif self.options.encryption == "mbedtls":
            self.requires("mbedtls/3.5.1")

    def validate(self):
        if self.settings.compiler.get_safe("cppstd"):
            check_min_cppstd(self, self._min_cppstd)
        minimum_version = self._compilers_minimum_version.get(str(self.settings.compiler), False)
        if minimum_version and Version(self.settings.compiler.version) < minimum_version:
            raise ConanInvalidConfiguration(
                f"{self.ref} requires C++{self._min_cppstd}, which your compiler does not support."
            )
        if is_msvc(self) and self.options.shared and is_msvc_static_runtime(self):
            raise ConanInvalidConfiguration("Shared builds with a static runtime are not supported")
        try:
            threads = int(self.options.max_threads)
        except ValueError as exc:
            raise ConanInvalidConfiguration("max_threads must be an integer") from exc
        if not 0 < threads <= 64:
            raise ConanInvalidConfiguration(f"max_threads={threads} is out of range [1, 64]")

    def build_requirements(self):
        self.tool_requires("cmake/[>=3.16 <4]")
        if not self.conf.get("tools.gnu:pkg_config", check_type=str):
            self.tool_requires("pkgconf/2.1.0")

    def source(self):
        get(self, **self.conan_data["sources"][self.version], strip_root=True)

    def generate(self):
        env = VirtualBuildEnv(self)
        env.generate()
        if not cross_building(self):
            env = VirtualRunEnv(self)
            env.generate(scope="build")
        tc = CMakeToolchain(self)
        tc.variables["EXAMPLE_BUILD_TESTS"] = False
        tc.variables["EXAMPLE_BUILD_DOC"] = False
        tc.variables["EXAMPLE_WITH_ZLIB"] = self.options.with_zlib
        tc.variables["EXAMPLE_WITH_BZIP2"] = self.options.with_bzip2
        tc.variables["EXAMPLE_WITH_LZMA"] = self.options.get_safe("with_lzma", False)
        tc.variables["EXAMPLE_MAX_THREADS"] = int(self.options.max_threads)
        tc.variables["EXAMPLE_ENCRYPTION"] = str(self.options.encryption or "none").upper()
        if self.settings.os == "Windows" and not self.options.shared:
            tc.preprocessor_definitions["EXAMPLE_STATIC"] = 1
        tc.cache_variables["CMAKE_POLICY_DEFAULT_CMP0077"] = "NEW"
        tc.generate()
        deps = CMakeDeps(self)
        deps.set_property("bzip2", "cmake_file_name", "BZip2")
        deps.set_property("xz_utils", "cmake_target_name", "LibLZMA::LibLZMA")
        deps.generate()

    def _patch_sources(self):
        apply_conandata_patches(self)
        cmakelists = os.path.join(self.source_folder, "CMakeLists.txt")
        replace_in_file(self, cmakelists, "project(examplelib C)", "project(examplelib C CXX)")
        for old, new in [("-Werror", ""), ("/WX", ""), ("add_subdirectory(tests)", "")]:
            replace_in_file(self, cmakelists, old, new, strict=False)

    def build(self):
        self._patch_sources()
        cmake = CMake(self)
        cmake.configure()
        cmake.build(target="examplelib" if self.options.shared else "examplelib_static")

    @property
    def _module_file_rel_path(self):
        return os.path.join("lib", "cmake", f"conan-official-{self.name}-targets.cmake")

    def _create_cmake_module_alias_targets(self, module_file, targets):
        content = ""
        for alias, aliased in targets.items():
            content += textwrap.dedent(f"""\
                if(TARGET {aliased} AND NOT TARGET {alias})
                    add_library({alias} INTERFACE IMPORTED)
                    set_property(TARGET {alias} PROPERTY INTERFACE_LINK_LIBRARIES {aliased})
                endif()
            """)
        with open(module_file, "w", encoding="utf-8") as f:
            f.write(content)

    def package(self):
        copy(self, "LICENSE*", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "share"))
        rm(self, "*.pdb", self.package_folder, recursive=True)
        rm(self, "*.la", os.path.join(self.package_folder, "lib"))
        self._create_cmake_module_alias_targets(
            os.path.join(self.package_folder, self._module_file_rel_path),
            {"examplelib": "examplelib::examplelib"},
        )

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "ExampleLib")
        self.cpp_info.set_property("cmake_target_name", "ExampleLib::ExampleLib")
        self.cpp_info.set_property("pkg_config_name", "libexample")
        suffix = "d" if self.settings.build_type == "Debug" and is_msvc(self) else ""
        prefix = "lib" if is_msvc(self) and not self.options.shared else ""
        self.cpp_info.libs = [f"{prefix}example{suffix}"]
        if not self.options.shared:
            self.cpp_info.defines.append("EXAMPLE_STATIC")
        if self.settings.os in ["Linux", "FreeBSD"]:
            self.cpp_info.system_libs.extend(["m", "pthread"])
        elif self.settings.os == "Windows":
            self.cpp_info.system_libs = ["advapi32", "bcrypt"]
        requires = [req for req, enabled in (
            ("zlib::zlib", self.options.with_zlib),
            ("bzip2::bzip2", self.options.with_bzip2),
            ("xz_utils::xz_utils", self.options.get_safe("with_lzma")),
        ) if enabled]
        self.cpp_info.requires = requires
        self.cpp_info.names["cmake_find_package"] = "ExampleLib"
        self.cpp_info.names["cmake_find_package_multi"] = "ExampleLib"
        self.cpp_info.build_modules["cmake_find_package"] = [self._module_file_rel_path]
        self.cpp_info.build_modules["cmake_find_package_multi"] = [self._module_file_rel_path]
        self.env_info.PATH.append(os.path.join(self.package_folder, "bin"))
        self.output.info("Appending PATH: {}".format(os.path.join(self.package_folder, "bin")))
        self.user_info.max_threads = int(self.options.max_threads) * 2 - 1 if self.options.shared else ~0 & 0xff
