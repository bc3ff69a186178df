package explain

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/conid/conid/graph"
)

// Node colours by binary status.
var statusColor = map[string]string{
	graph.BinaryCache:    "#8fd18f",
	graph.BinaryDownload: "#8fb8e8",
	graph.BinaryUpdate:   "#8fb8e8",
	graph.BinaryBuild:    "#f2b66d",
	graph.BinaryMissing:  "#ef8a8a",
	graph.BinarySkip:     "#d6d6d6",
	graph.BinaryEditable: "#c9e6a0",
	graph.BinaryUnknown:  "#f3e08a",
	graph.BinaryInvalid:  "#c7a2e0",
}

const (
	boxH    = 28
	rowGap  = 70
	colGap  = 24
	charW   = 7.2
	padX    = 14
	marginX = 20
	marginY = 20
)

type htmlNode struct {
	ID      string     `json:"id"`
	Ref     string     `json:"ref"`
	Context string     `json:"context"`
	Binary  string     `json:"binary"`
	ID2     string     `json:"package_id"`
	Recipe  string     `json:"recipe"`
	Options []*Option  `json:"options"`
	Setting []*Setting `json:"settings"`
	Reqs    []string   `json:"requires"`

	x, y, w float64
	level   int
}

type htmlEdge struct {
	X1, Y1, X2, Y2 float64
	Build          bool
}

type htmlPage struct {
	Title  string
	Width  float64
	Height float64
	Nodes  []*htmlNode
	Edges  []htmlEdge
	Legend []legendItem
	Data   template.JS
}

type legendItem struct{ Status, Color string }

// WriteHTML writes one self-contained page (no network needed) drawing
// the graph top-down from the consumer, nodes filled by binary status,
// build requirements dashed. Clicking a node shows its package ID,
// settings and options with where each value came from (r's record).
func WriteHTML(w io.Writer, g *graph.Graph, r *Report, title string) error {
	byNode := map[string]*Package{}
	for _, p := range r.Packages {
		byNode[p.Node] = p
	}
	nodes := map[*graph.Node]*htmlNode{}
	var levels [][]*graph.Node
	for _, l := range g.InverseLevels() {
		var keep []*graph.Node
		for _, n := range l {
			if n.Recipe != graph.RecipeVirtual {
				keep = append(keep, n)
			}
		}
		if len(keep) > 0 {
			levels = append(levels, keep)
		}
	}
	// Order each level by the mean position of its dependants above it,
	// which keeps most edges short and uncrossed.
	pos := map[*graph.Node]float64{}
	for li, l := range levels {
		if li > 0 {
			key := map[*graph.Node]float64{}
			for _, n := range l {
				sum, cnt := 0.0, 0
				for _, e := range n.Dependants {
					if p, ok := pos[e.Src]; ok {
						sum += p
						cnt++
					}
				}
				if cnt > 0 {
					key[n] = sum / float64(cnt)
				}
			}
			sort.SliceStable(l, func(i, j int) bool { return key[l[i]] < key[l[j]] })
		}
		for i, n := range l {
			pos[n] = float64(i) / float64(len(l))
		}
	}
	page := &htmlPage{Title: title}
	var list []*htmlNode
	for li, l := range levels {
		x := float64(marginX)
		for _, n := range l {
			hn := &htmlNode{ID: n.ID, Ref: nodeName(n), Context: n.Context, Binary: n.Binary, ID2: n.PackageID, Recipe: n.Recipe, level: li}
			if hn.Binary == "" {
				hn.Binary = n.Recipe // the consumer
			}
			if p := byNode[n.ID]; p != nil {
				hn.Options, hn.Setting = p.Options, p.Settings
			}
			for _, e := range n.Dependencies {
				kind := ""
				if e.BuildRequire() {
					kind = " (build)"
				}
				hn.Reqs = append(hn.Reqs, nodeName(e.Dst)+kind)
			}
			hn.w = float64(len(label(hn)))*charW + 2*padX
			hn.x, hn.y = x, float64(marginY+li*(boxH+rowGap))
			x += hn.w + colGap
			if x > page.Width {
				page.Width = x
			}
			nodes[n] = hn
			list = append(list, hn)
		}
	}
	// Centre each level.
	for li := range levels {
		var right float64
		for _, n := range levels[li] {
			hn := nodes[n]
			right = hn.x + hn.w
		}
		shift := (page.Width - colGap - right) / 2
		for _, n := range levels[li] {
			nodes[n].x += shift
		}
	}
	page.Width += marginX
	page.Height = float64(marginY*2 + len(levels)*(boxH+rowGap))
	for _, n := range g.Nodes {
		src := nodes[n]
		if src == nil {
			continue
		}
		for _, e := range n.Dependencies {
			dst := nodes[e.Dst]
			if dst == nil {
				continue
			}
			page.Edges = append(page.Edges, htmlEdge{X1: src.x + src.w/2, Y1: src.y + boxH, X2: dst.x + dst.w/2, Y2: dst.y, Build: e.BuildRequire()})
		}
	}
	page.Nodes = list
	seen := map[string]bool{}
	for _, n := range list {
		if !seen[n.Binary] {
			seen[n.Binary] = true
			page.Legend = append(page.Legend, legendItem{n.Binary, color(n.Binary)})
		}
	}
	data := map[string]*htmlNode{}
	for _, n := range list {
		data[n.ID] = n
	}
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	// Safe inside <script>: json.Marshal escapes <, > and &.
	page.Data = template.JS(b)
	return pageTemplate().Execute(w, page)
}

func label(n *htmlNode) string {
	s := n.Ref
	if n.Context == graph.Build {
		s += " [build]"
	}
	return s
}

func color(status string) string {
	if c, ok := statusColor[status]; ok {
		return c
	}
	return "#ffffff"
}

// pageTemplate is parsed on first use, not by every run of conid.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"label": label,
		"color": color,
		"f":     func(x float64) string { return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.1f", x), "0"), ".") },
		"boxH":  func() int { return boxH },
		"textX": func(n *htmlNode) float64 { return n.x + padX },
		"textY": func(n *htmlNode) float64 { return n.y + boxH/2 + 4 },
		"nx":    func(n *htmlNode) float64 { return n.x },
		"ny":    func(n *htmlNode) float64 { return n.y },
		"nw":    func(n *htmlNode) float64 { return n.w },
	}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font: 13px/1.4 system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
#graph { flex: 1; overflow: auto; border-right: 1px solid #ccc; }
#panel { width: 44em; overflow: auto; padding: 0 1em; }
.node { cursor: pointer; }
.node rect { stroke: #555; stroke-width: 1; rx: 5; }
.node.selected rect { stroke: #000; stroke-width: 3; }
.node text { font: 12px monospace; pointer-events: none; }
.edge { stroke: #888; fill: none; marker-end: url(#arrow); }
.edge.build { stroke-dasharray: 5 4; }
table { border-collapse: collapse; margin-bottom: 1em; }
td, th { text-align: left; padding: 1px 8px 1px 0; vertical-align: top; font-size: 12px; }
td.v { font-family: monospace; }
.won { font-weight: bold; }
.overridden, .ignored, .unchanged { color: #888; }
.removed, .rejected { color: #a33; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 4px; border: 1px solid #555; border-radius: 4px; }
h2 { font-size: 15px; } h3 { font-size: 13px; margin: 1em 0 .3em; }
</style>
</head>
<body>
<div id="graph">
<p class="legend">{{range .Legend}}<span style="background:{{.Color}}">{{.Status}}</span>{{end}} dashed: build requirement</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{{f .Width}}" height="{{f .Height}}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#888"/></marker></defs>
{{range .Edges}}<path class="edge{{if .Build}} build{{end}}" d="M {{f .X1}} {{f .Y1}} C {{f .X1}} {{f .Y1}} {{f .X2}} {{f .Y1}} {{f .X2}} {{f .Y2}}"/>
{{end}}{{range .Nodes}}<g class="node" id="node-{{.ID}}" data-id="{{.ID}}"><rect x="{{f (nx .)}}" y="{{f (ny .)}}" width="{{f (nw .)}}" height="{{boxH}}" fill="{{color .Binary}}"/><text x="{{f (textX .)}}" y="{{f (textY .)}}">{{label .}}</text></g>
{{end}}</svg>
</div>
<div id="panel"><h2>Click a package</h2><p>Its package ID, settings and options, and where every value came from.</p></div>
<script id="data" type="application/json">{{.Data}}</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("data").textContent);
const esc = s => String(s == null ? "" : s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
function steps(list) {
  return (list || []).map(s => {
    let who = [s.layer, s.ref, s.where, s.key ? JSON.stringify(s.key) : "", s.via && s.via !== s.ref ? "via " + s.via : ""].filter(Boolean).join(" ");
    let st = s.status === "overridden" ? "overridden by " + s.by : (s.reason ? s.status + ": " + s.reason : s.status);
    return "<tr class='step " + esc(s.status) + "'><td></td><td class='v'>" + esc(s.value) + "</td><td>" + esc(who) + "</td><td>" + esc(st) + "</td></tr>";
  }).join("");
}
function show(id) {
  const n = DATA[id];
  if (!n) return;
  document.querySelectorAll(".node.selected").forEach(e => e.classList.remove("selected"));
  document.getElementById("node-" + id).classList.add("selected");
  let h = "<h2 id='sel-ref'>" + esc(n.ref) + "</h2>";
  h += "<table><tr><th>context</th><td>" + esc(n.context) + "</td></tr>";
  h += "<tr><th>package ID</th><td class='v' id='sel-id'>" + esc(n.package_id) + "</td></tr>";
  h += "<tr><th>binary</th><td>" + esc(n.binary) + "</td></tr>";
  h += "<tr><th>requires</th><td>" + (n.requires || []).map(esc).join("<br>") + "</td></tr></table>";
  h += "<h3>options</h3><table id='sel-options'>";
  for (const o of n.options || []) {
    const v = o.undeclared ? "(not an option)" : o.deleted ? "(deleted)" : o.has_value ? o.value : "None";
    h += "<tr class='option'><th>" + esc(o.name) + "</th><td class='v'>" + esc(v) + "</td><td colspan=2>" + (o.in_package_id ? "" : "not in package ID") + "</td></tr>" + steps(o.steps);
  }
  h += "</table><h3>settings</h3><table id='sel-settings'>";
  for (const s of n.settings || []) {
    const v = s.declared ? s.value : "(not a setting of this package)";
    h += "<tr class='setting'><th>" + esc(s.name) + "</th><td class='v'>" + esc(v) + "</td><td colspan=2>" + (s.in_package_id ? (s.id_value !== s.value ? "package ID uses " + esc(s.id_value) : "") : "not in package ID") + "</td></tr>" + steps(s.steps);
  }
  h += "</table>";
  document.getElementById("panel").innerHTML = h;
}
document.querySelectorAll(".node").forEach(g => g.addEventListener("click", () => show(g.dataset.id)));
</script>
</body>
</html>
`))
})
