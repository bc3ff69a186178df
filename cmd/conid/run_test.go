package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/memo"
)

// self.run() in the methods that shape a graph runs the command, as
// Conan 1.65 does (nodejs's validate() reads `ldd --version`). Every
// expected text below is what Conan 1.65.0 printed or locked for the
// same recipe on Linux. A result that ran a command is not cached.
func TestRecipeRunsCommand(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		exit       int
		want       string // in the error, or in the lockfile
	}{
		{"shell", "    settings = \"os\"\n    def validate(self):\n        self.run(\"echo hi; exit 3\")\n", exitError,
			"ERROR: conanfile.py (p/1.0): Error in validate() method, line 9\n\tself.run(\"echo hi; exit 3\")\n\tConanException: Error 3 while executing echo hi; exit 3\n"},
		{"list", "    def configure(self):\n        self.run([\"nonexistent-cmd-xyz\", \"--v\"], StringIO())\n", exitError,
			"\tConanException: Error while executing '['nonexistent-cmd-xyz', '--v']'\n\t[Errno 2] No such file or directory: 'nonexistent-cmd-xyz'\n"},
		{"output", "    options = {\"x\": [\"ANY\"]}\n    default_options = {\"x\": \"none\"}\n    def configure(self):\n        buf = StringIO()\n        rc = self.run(\"echo one; echo two >&2; exit 1\", buf, ignore_errors=True)\n        self.options.x = \"%d:%s\" % (rc, buf.getvalue().replace(\"\\n\", \"|\"))\n", exitOK,
			`"options": "x=1:one|two|"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "from conan import ConanFile\nfrom six import StringIO\n\nclass P(ConanFile):\n    name = \"p\"\n    version = \"1.0\"\n" + tc.body
			if err := os.WriteFile(filepath.Join(dir, "conanfile.py"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "default"), []byte("[settings]\nos=Linux\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			home := t.TempDir()
			store := &memo.Store{Dir: filepath.Join(home, "results")}
			var out, errb bytes.Buffer
			e := &env{stdout: &out, stderr: &errb, cwd: dir, memo: store, environ: []string{},
				getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
			code := run([]string{"lock", "create", "conanfile.py", "-pr", "default", "--lockfile-out", "out.lock"}, e)
			got := errb.String()
			if code == exitOK {
				b, err := os.ReadFile(filepath.Join(dir, "out.lock"))
				if err != nil {
					t.Fatal(err)
				}
				got = string(b)
			}
			if code != tc.exit || !strings.Contains(got, tc.want) {
				t.Fatalf("exit %d, want %d; want %q in:\n%s", code, tc.exit, tc.want, got)
			}
			if entries, _ := filepath.Glob(filepath.Join(store.Dir, "*", "*")); len(entries) != 0 {
				t.Errorf("a result that ran a command was cached: %v", entries)
			}
		})
	}
}
