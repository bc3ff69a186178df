package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns Debian's chromium, or "" when it is not installed.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLGraphInBrowser loads the page `info --graph FILE.html` writes in
// a real headless Chromium, checks that every node of the graph is drawn,
// clicks one with the mouse and checks that the panel shows the option's
// provenance. CI installs chromium and sets CONID_REQUIRE_BROWSER=1 so
// that this test cannot be skipped there.
func TestHTMLGraphInBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		if os.Getenv("CONID_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium is not installed and CONID_REQUIRE_BROWSER is set")
		}
		t.Skip("chromium not installed")
	}
	out := filepath.Join(t.TempDir(), "app.html")
	r := runConid(t, "../../examples", t.TempDir(), []string{"info", "app/conanfile.py", "--recipes", "recipes",
		"-pr", "profiles/linux-gcc12", "-o", "zlib:shared=True", "--graph", out, "-n", "id"})
	if r.code != 0 {
		t.Fatalf("info failed: %s", r.stderr)
	}
	wantNodes := []string{"conanfile.py (app/1.0)", "spdlog/1.12.0", "fmt/10.1.1", "openssl/3.1.4", "zlib/1.3", "cmake/3.27.7"}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.WindowSize(1400, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	defer cancel()

	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+out), chromedp.WaitVisible(chromedp.CSS(".node"))); err != nil {
		t.Fatal(err)
	}
	labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".node text")).map(e => e.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	// drawn: rectangles with a real size on the page
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".node rect")).filter(r => { const b = r.getBoundingClientRect(); return b.width > 20 && b.height > 10; }).length`))
	if err != nil {
		t.Fatal(err)
	}
	zlibID, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".node")).find(g => g.textContent === "zlib/1.3").id`))
	if err != nil {
		t.Fatal(err)
	}
	if drawn != len(wantNodes) {
		t.Errorf("%d nodes drawn, want %d (%v)", drawn, len(wantNodes), labels)
	}
	for _, w := range wantNodes {
		found := false
		for _, l := range labels {
			if l == w {
				found = true
			}
		}
		if !found {
			t.Errorf("node %q not drawn; labels %v", w, labels)
		}
	}
	// A real mouse click at the node's position.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#"+zlibID+" rect")), chromedp.WaitVisible(chromedp.CSS("#sel-ref"))); err != nil {
		t.Fatal(err)
	}
	text := func(sel string) string {
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	panelRef, panelID, options := text("#sel-ref"), text("#sel-id"), text("#sel-options")
	if panelRef != "zlib/1.3" {
		t.Errorf("panel shows %q after clicking zlib", panelRef)
	}
	if len(panelID) != 40 {
		t.Errorf("panel package ID %q", panelID)
	}
	for _, w := range []string{"shared", "recipe default_options", "overridden by command line (-o #1)", "command line", "-o #1", `"zlib:shared"`, "won", "fPIC", "removed"} {
		if !strings.Contains(options, w) {
			t.Errorf("options panel lacks %q:\n%s", w, options)
		}
	}
}

// The page info --graph FILE.html writes says where option values came
// from, although info records none for its other outputs (NoOptionLog).
func TestHTMLGraphKeepsProvenance(t *testing.T) {
	out := filepath.Join(t.TempDir(), "app.html")
	r := runConid(t, "../../examples", t.TempDir(), []string{"info", "app/conanfile.py", "--recipes", "recipes",
		"-pr", "profiles/linux-gcc12", "-o", "zlib:shared=True", "--graph", out, "-n", "id"})
	if r.code != 0 {
		t.Fatalf("info failed: %s", r.stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, via := range []string{`"via":"app/1.0"`, `"via":"spdlog/1.12.0"`, `"via":"openssl/3.1.4"`} {
		if !strings.Contains(string(page), via) {
			t.Errorf("the page does not hold %s", via)
		}
	}
}
