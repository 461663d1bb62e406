//go:build !wasm

package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/e2e"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// This file holds the two measures for finding where an offline cold
// start's time goes (-only phases, -only profile). They print what they
// find; they set no target.

// phaseScript notes, from inside the page, when each step of its start
// happened: the page's own load (navigation timing, DOMContentLoaded),
// each WebAssembly compile or start (called ">" and done "<"), and the
// page's long tasks. An app may add its own with window.__mark(name).
const phaseScript = `(() => {
	if (window !== window.top || window.__marks) return;
	const m = window.__marks = [];
	window.__mark = n => m.push([n, performance.now()]);
	new PerformanceObserver(l => { for (const e of l.getEntries()) m.push(["long tasks (ms)", e.duration]); }).observe({type: "longtask", buffered: true});
	document.addEventListener("DOMContentLoaded", () => {
		__mark("DOMContentLoaded");
		const n = performance.getEntriesByType("navigation")[0];
		for (const k of ["responseEnd", "domInteractive"]) m.push(["page " + k, n[k]]);
		for (const e of performance.getEntriesByType("paint")) m.push([e.name, e.startTime]);
	});
	for (const k of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
		const f = WebAssembly[k];
		WebAssembly[k] = function(...a) {
			__mark(k + " >");
			return f.apply(this, a).then(r => { __mark(k + " <"); return r; });
		};
	}
})();`

// offlineProfile opens s in a fresh profile, online until its worker has
// saved it, then cuts the network: what an offline cold start needs.
func offlineProfile(tmp string, s *subject, name string) (*e2e.Browser, error) {
	b, err := e2e.NewBrowser(filepath.Join(tmp, name+"-"+filepath.Base(s.root)))
	if err != nil {
		return nil, err
	}
	tab := b.FirstTab()
	if _, err := tab.TimeInteractive(chromedp.Navigate(s.srv.URL+s.startPath()), s.in, time.Minute); err != nil {
		b.Close()
		return nil, fmt.Errorf("%s: first visit: %w", s.name, err)
	}
	if err := tab.WaitPrecached(b.Proxy, time.Second); err != nil {
		b.Close()
		return nil, fmt.Errorf("%s: first visit: %w", s.name, err)
	}
	b.Proxy.SetOffline(true)
	return b, nil
}

// phasesPath is the page -only phases and -only profile open in Calf &
// Sole (-path); the empty app has only "/".
var phasesPath = "/"

func (s *subject) startPath() string {
	if s.rootOnly {
		return "/"
	}
	return phasesPath
}

// measurePhases prints, for each app, the median time of each step of an
// offline cold start at CPU x1 and x4 (ms after the navigation started),
// in the order they happen. The apps are Calf & Sole (and a variant), the
// empty app, and the empty app showing Calf & Sole's home page with its
// stylesheet: what a real page costs any go-app app, apart from what Calf
// & Sole's own code costs.
func measurePhases(tmp string, apps []*subject, runs int) error {
	fmt.Printf("Offline cold start of %s (the hello worlds: /), step by step: medians of %d runs, ms after the navigation started\n", phasesPath, runs)
	for _, s := range apps {
		b, err := offlineProfile(tmp, s, "phases")
		if err != nil {
			return err
		}
		for _, rate := range []float64{1, 4} {
			all := make(map[string][]float64)
			for range runs {
				if err := phasesOnce(b, s, rate, all); err != nil {
					b.Close()
					return fmt.Errorf("%s, CPU x%g: %w", s.name, rate, err)
				}
			}
			type step struct {
				name string
				ms   float64
			}
			var steps []step
			for name, v := range all {
				if name == "long tasks (ms)" {
					continue
				}
				steps = append(steps, step{name, median(v)})
			}
			sort.Slice(steps, func(i, j int) bool { return steps[i].ms < steps[j].ms })
			fmt.Printf("\n%s, CPU x%g:\n", s.name, rate)
			for _, st := range steps {
				fmt.Printf("  %7.0f  %s\n", st.ms, st.name)
			}
			long := all["long tasks (ms)"]
			total := 0.0
			for _, d := range long {
				total += d
			}
			fmt.Printf("  long tasks: %.0f ms per start in %.1f tasks\n", total/float64(runs), float64(len(long))/float64(runs))
		}
		b.Close()
	}
	return nil
}

func phasesOnce(b *e2e.Browser, s *subject, rate float64, all map[string][]float64) error {
	t, err := b.NewTab()
	if err != nil {
		return err
	}
	defer t.Close()
	if _, err := e2e.Call(t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: phaseScript}); err != nil {
		return err
	}
	if err := t.StopWorkers(); err != nil {
		return err
	}
	if err := t.Throttle(rate); err != nil {
		return err
	}
	tm, err := t.TimeInteractive(chromedp.Navigate(s.srv.URL+s.startPath()), s.in, time.Minute)
	if err != nil {
		return err
	}
	marks, err := e2e.Eval[[][]any](t, `window.__marks`)
	if err != nil {
		return err
	}
	for _, mk := range marks {
		name, _ := mk[0].(string)
		ms, _ := mk[1].(float64)
		all[name] = append(all[name], ms)
	}
	all["app ready"] = append(all["app ready"], tm.Ready)
	all["app answered a tap"] = append(all["app answered a tap"], tm.Responded)
	return nil
}

// measureProfile samples Calf & Sole's offline cold starts at CPU x1 with
// the DevTools profiler and prints where the time went: by Go package
// (or JavaScript function) and by function, self time and time including
// what each calls, averaged per start.
func measureProfile(tmp string, s *subject, runs int) error {
	b, err := offlineProfile(tmp, s, "profile")
	if err != nil {
		return err
	}
	defer b.Close()
	self := make(map[string]float64)
	pkg := make(map[string]float64)
	incl := make(map[string]float64)
	total := 0.0
	for range runs {
		p, err := profileOnce(b, s)
		if err != nil {
			return err
		}
		byID := make(map[int64]*profiler.ProfileNode)
		parent := make(map[int64]int64)
		for _, n := range p.Nodes {
			byID[n.ID] = n
			for _, c := range n.Children {
				parent[c] = n.ID
			}
		}
		for i, id := range p.Samples {
			if i+1 >= len(p.TimeDeltas) {
				break
			}
			ms := float64(p.TimeDeltas[i+1]) / 1000 / float64(runs)
			name := byID[id].CallFrame.FunctionName
			if name == "" {
				name = "(anonymous) " + filepath.Base(byID[id].CallFrame.URL)
			}
			self[name] += ms
			pkg[packageOf(name)] += ms
			total += ms
			seen := make(map[string]bool)
			for n := id; n != 0; n = parent[n] {
				if fn := byID[n].CallFrame.FunctionName; !seen[fn] {
					seen[fn] = true
					incl[fn] += ms
				}
			}
		}
	}
	fmt.Printf("Offline cold start of %s at CPU x1, sampled: %.0f ms per start, averaged over %d\n", s.name, total, runs)
	printTop("by package, self time", pkg, 25)
	printTop("by function, self time", self, 25)
	printTop("by function, including what it calls", incl, 50)
	return nil
}

func profileOnce(b *e2e.Browser, s *subject) (*profiler.Profile, error) {
	t, err := b.NewTab()
	if err != nil {
		return nil, err
	}
	defer t.Close()
	if err := t.StopWorkers(); err != nil {
		return nil, err
	}
	if _, err := e2e.Call(t, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := e2e.Call(t, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
		return nil, err
	}
	if _, err := e2e.Call(t, profiler.Start, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := t.TimeInteractive(chromedp.Navigate(s.srv.URL+s.startPath()), s.in, time.Minute); err != nil {
		return nil, err
	}
	res, err := e2e.Call(t, profiler.Stop, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	return res.Profile, nil
}

// packageOf returns the Go package of a wasm function's name
// ("github.com_x_y_app_ui.__shell_.Render" is github.com_x_y_app_ui), or
// a JavaScript function's own name.
func packageOf(name string) string {
	rest := name
	if i := strings.LastIndex(name, "/"); i >= 0 {
		rest = name[i:]
	}
	if j := strings.Index(rest, "."); j >= 0 {
		return name[:len(name)-len(rest)+j]
	}
	return name
}

func printTop(title string, m map[string]float64, n int) {
	type row struct {
		name string
		ms   float64
	}
	var rows []row
	for k, v := range m {
		rows = append(rows, row{k, v})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ms > rows[j].ms })
	fmt.Printf("\n%s (ms per start):\n", title)
	for i, r := range rows {
		if i == n {
			break
		}
		fmt.Printf("  %8.1f  %s\n", r.ms, r.name)
	}
}
