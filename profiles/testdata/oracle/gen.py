#!/usr/bin/env python3
"""Fill the `-- expected --` section of every *.txtar case in this folder
by running Conan 1.65.0's own profile code (the oracle):

    PYTHONPATH=/work/oracle/conan:/work/oracle/semver /usr/bin/python3 gen.py [case.txtar ...]

A case is a txtar-like file: free text, then `-- name --` sections.
  -- args --        JSON list of command-line tokens (-pr, -pr:h, -pr:b, -s, -s:b, -o, -e, -c, ...)
  -- read --        (instead of args) JSON string: a profile name read with read_profile()
  -- env --         CONAN_ENV_* variables, one NAME=value per line
  -- conanconf --   JSON object: core:default_profile / core:default_build_profile values
  -- <path> --      a file, relative to the case folder (the cwd); `home/profiles/<x>` is in the
                    Conan home's profiles folder. `-- <path>:b64 --` holds base64 content.
  -- expected --    written by this script: JSON {"host": ..., "build": ...}, each a
                    profile text (Profile.dumps()), null, or {"error": message}.
The temporary folder's path is written as <DIR>.
"""
import base64, json, os, shutil, sys, tempfile

from conans.client.cache.cache import ClientCache
from conans.client.output import ConanOutput
from conans.client.profile_loader import profile_from_args, read_profile
from conans.errors import ConanException

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, sections, name, buf = [], [], None, []
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        if line.startswith("-- ") and line.endswith(" --") and len(line) > 6:
            if name is not None:
                sections.append((name, "".join(buf)))
            name, buf = line[3:-3], []
        elif name is None:
            head.append(line + "\n")
        else:
            buf.append(line + "\n")
    if name is not None:
        sections.append((name, "".join(buf)))
    return "".join(head), sections


def write(path, head, sections):
    out = [head]
    for name, content in sections:
        out.append("-- %s --\n" % name)
        out.append(content)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def split_args(tokens):
    host = dict(profiles=None, settings=None, options=None, env=None, conf=None)
    build = dict(profiles=None, settings=None, options=None, env=None, conf=None)
    keys = {"-pr": "profiles", "-s": "settings", "-o": "options", "-e": "env", "-c": "conf"}
    i = 0
    while i < len(tokens):
        flag, value = tokens[i], tokens[i + 1]
        base, _, ctx = flag.partition(":")
        target = build if ctx == "b" else host
        key = keys[base]
        if target[key] is None:
            target[key] = []
        target[key].append(value)
        i += 2
    return host, build


def run_case(path):
    head, sections = parse(path)
    sections = [(n, c) for n, c in sections if n != "expected"]
    tmp = tempfile.mkdtemp(prefix="conid-oracle-")
    casedir = os.path.join(tmp, "case")
    home = os.path.join(tmp, "home")
    os.makedirs(os.path.join(home, "profiles"))
    os.makedirs(casedir)
    args = read = None
    env = {}
    conanconf = {}
    for name, content in sections:
        if name == "args":
            args = json.loads(content)
        elif name == "read":
            read = json.loads(content)
        elif name == "env":
            for line in content.splitlines():
                if line.strip():
                    k, v = line.split("=", 1)
                    env[k] = v
        elif name == "conanconf":
            conanconf = json.loads(content)
        else:
            data = content.encode("utf-8")
            if name.endswith(":b64"):
                name = name[:-4]
                data = base64.b64decode(content)
            target = os.path.join(home if name.startswith("home/") else casedir,
                                  name[5:] if name.startswith("home/") else name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(data)
    if conanconf:
        with open(os.path.join(home, "global.conf"), "w") as f:
            for k, v in conanconf.items():
                f.write("%s=%s\n" % (k, v))

    def norm(s):
        return s.replace(tmp, "<DIR>")

    def attempt(fn):
        try:
            r = fn()
            return None if r is None else norm(r.dumps())
        except ConanException as e:
            return {"error": norm(str(e))}
        except Exception as e:  # Conan's command line prints these the same way
            return {"error": norm(str(e))}

    old_env = dict(os.environ)
    old_cwd = os.getcwd()
    os.environ.update(env)
    os.chdir(casedir)
    try:
        cache = ClientCache(home, ConanOutput(open(os.devnull, "w")))
        if read is not None:
            result = {"read": attempt(lambda: read_profile(read, casedir, cache.profiles_path)[0])}
        else:
            h, b = split_args(args)
            result = {
                "host": attempt(lambda: profile_from_args(h["profiles"], h["settings"], h["options"],
                                                          h["env"], h["conf"], casedir, cache)),
                "build": attempt(lambda: profile_from_args(b["profiles"], b["settings"], b["options"],
                                                           b["env"], b["conf"], casedir, cache,
                                                           build_profile=True)),
            }
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
        shutil.rmtree(tmp)
    sections.append(("expected", json.dumps(result, ensure_ascii=False, indent=1) + "\n"))
    write(path, head, sections)


if __name__ == "__main__":
    paths = sys.argv[1:] or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".txtar"))
    for p in paths:
        run_case(p)
        print("ok", os.path.basename(p))
