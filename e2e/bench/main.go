//go:build !wasm

// Command bench prints what Calf & Sole costs over an empty go-app app: the
// size of app.wasm, the bytes of a first visit, and the time until the app
// answers a tap, online, offline after a reload and offline in a new tab.
// Then it prints how accurate Calf & Sole's routine timer is: how late its
// cues come with the page visible, and how far its clock is off right
// after the page was hidden, frozen and shown again. Last, with a log of
// 10,000 entries, how long its log screen takes to show, offline, and its
// exports to make their files. The offline cold start is measured at full
// speed and with the CPU slowed down four and six times, as on a phone.
// Both apps are built and served the same way and driven in headless
// Chromium through the e2e harness; each figure is the median of -runs
// runs, each run in a fresh browser profile (the big log's runs share one).
//
// Run it from the repository after `make build` (`make bench` does both).
// It exits non-zero when it cannot measure something, not when a target is
// missed: the table says that.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/calfandsole/calfandsole/e2e"
	"github.com/chromedp/chromedp"
)

// Measures, as keys of a sample.
const (
	wasmRaw    = "app.wasm, raw"
	wasmGzip   = "app.wasm, gzip"
	wasmBrotli = "app.wasm, brotli"
	firstBytes = "first visit, bytes until precached"
	firstWasm  = "first visit, app.wasm requests"
	firstTime  = "interactive: online, first visit"
	reloadTime = "interactive: offline, reload"
)

// coldRates are the CPU slow-downs the offline cold start is measured at:
// x1 is this machine; x4 and x6 stand in for ordinary phones.
var coldRates = []float64{1, 4, 6}

// coldTime names the measure of an offline cold start in a new tab, with
// the service worker stopped, at CPU slow-down rate.
func coldTime(rate float64) string {
	return fmt.Sprintf("interactive: offline, cold start, CPU x%g", rate)
}

// targets are the most the whole app may cost over the empty one, as a
// ratio of the medians.
var targets = []struct {
	measure string
	ratio   float64
}{
	{firstBytes, 1.10},
	{coldTime(1), 1.0},
	{coldTime(4), 1.0},
}

// subject is one app under measure.
type subject struct {
	name string
	bin  string // the server binary
	root string // the directory holding web/
	in   e2e.Interactive
	srv  *e2e.Server
	// rootOnly: the app has only "/" (the hello worlds).
	rootOnly bool
	// samples holds each measure's value from every run.
	samples map[string][]float64
}

func main() {
	runs := flag.Int("runs", 5, "number of runs; each figure is the median")
	only := flag.String("only", "", `measure only this part: "start" (sizes and start-up against the empty app), "timer" or "log" (the big log); empty for all. Two more are for finding where start-up time goes, and are not part of all: "phases" (when each step of an offline cold start happens, at CPU x1 and x4) and "profile" (Go and JavaScript time of a cold start, by package and function; build app.wasm without -ldflags='-s -w', and with the Makefile's WASMGCFLAGS, first for names)`)
	flag.StringVar(&phasesPath, "path", "/", `with -only phases or profile: the page of Calf & Sole to open, such as /zh`)
	variant := flag.String("variant", "", `with -only phases: a directory holding another build of Calf & Sole (bin/pwa and web/, as make build leaves them), measured in the same run, for a before and after`)
	flag.Parse()
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "bench: -runs must be at least 1")
		os.Exit(2)
	}
	if *only != "" && *only != "start" && *only != "timer" && *only != "log" && *only != "phases" && *only != "profile" {
		fmt.Fprintf(os.Stderr, "bench: -only %q: the parts are: start, timer, log, phases, profile\n", *only)
		os.Exit(2)
	}
	if err := run(*runs, *only, *variant); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(runs int, only, variant string) error {
	repo, err := repoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "calfsole-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	ours, err := prepareOurs(repo, filepath.Join(tmp, "calfsole"))
	if err != nil {
		return err
	}
	hello, err := buildHello(repo, filepath.Join(tmp, "hello"), "")
	if err != nil {
		return err
	}
	apps := []*subject{ours, hello}
	for _, s := range apps {
		if err := s.wasmSizes(); err != nil {
			return err
		}
		s.srv, err = e2e.StartServerBin(s.bin, s.root, "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		defer s.srv.Stop()
	}

	switch only {
	case "profile":
		return measureProfile(tmp, ours, runs)
	case "phases":
		if variant != "" {
			alt := &subject{name: "variant", bin: filepath.Join(variant, "bin", "pwa"), root: variant, in: ours.in}
			if err := alt.wasmSizes(); err != nil {
				return err
			}
			if alt.srv, err = e2e.StartServerBin(alt.bin, alt.root, "127.0.0.1:0"); err != nil {
				return fmt.Errorf("variant: %w", err)
			}
			defer alt.srv.Stop()
			apps = []*subject{ours, alt, hello}
		}
		// The empty app showing our home page, to tell what the page
		// costs from what our code costs.
		page, err := homeShell(ours.srv.URL)
		if err != nil {
			return fmt.Errorf("our home page: %w", err)
		}
		paged, err := buildHello(repo, filepath.Join(tmp, "hello-page"), page)
		if err != nil {
			return err
		}
		if paged.srv, err = e2e.StartServerBin(paged.bin, paged.root, "127.0.0.1:0"); err != nil {
			return fmt.Errorf("%s: %w", paged.name, err)
		}
		defer paged.srv.Stop()
		return measurePhases(tmp, append(apps, paged), runs)
	}
	if only == "" || only == "start" {
		if err := measureApps(tmp, ours, hello, runs); err != nil {
			return err
		}
	}
	if only == "" || only == "timer" {
		if err := measureTimer(tmp, ours, runs); err != nil {
			return err
		}
	}
	if only != "" && only != "log" {
		return nil
	}

	big := logSamples{}
	if err := big.measure(ours.srv.URL, filepath.Join(tmp, "profile-log"), runs); err != nil {
		return fmt.Errorf("log with %d entries: %w", logEntries, err)
	}
	printLog(os.Stdout, ours.name, big, runs)
	return nil
}

// measureApps measures both apps' sizes, bytes and start times, and prints
// them.
func measureApps(tmp string, ours, hello *subject, runs int) error {
	apps := []*subject{ours, hello}
	var version string
	for i := range runs {
		for j, s := range apps {
			profile := filepath.Join(tmp, fmt.Sprintf("profile-%d-%d", i, j))
			v, err := s.visit(profile)
			if err != nil {
				return fmt.Errorf("run %d, %s: %w", i+1, s.name, err)
			}
			version = v
		}
	}
	printTable(os.Stdout, ours, hello, runs, version)
	return nil
}

// measureTimer measures Calf & Sole's routine timer, and prints it.
func measureTimer(tmp string, ours *subject, runs int) error {
	var timer timerSamples
	for i := range runs {
		if err := timer.measure(ours.srv.URL, filepath.Join(tmp, fmt.Sprintf("profile-timer-%d", i))); err != nil {
			return fmt.Errorf("timer run %d: %w", i+1, err)
		}
	}
	printTimer(os.Stdout, ours.name, &timer, runs)
	return nil
}

// wasmSizes records the sizes of app.wasm and its precompressed copies,
// which must be at least as new as app.wasm, or the server ignores them.
func (s *subject) wasmSizes() error {
	web := filepath.Join(s.root, "web")
	wasm, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%s: %w", s.name, err)
	}
	s.add(wasmRaw, float64(wasm.Size()))
	for _, c := range []struct{ ext, measure string }{{".gz", wasmGzip}, {".br", wasmBrotli}} {
		fi, err := os.Stat(filepath.Join(web, "app.wasm"+c.ext))
		if err != nil {
			return fmt.Errorf("%s: %w (run make build)", s.name, err)
		}
		if fi.ModTime().Before(wasm.ModTime()) {
			return fmt.Errorf("%s: app.wasm%s is older than app.wasm (run make build)", s.name, c.ext)
		}
		s.add(c.measure, float64(fi.Size()))
	}
	return nil
}

// visit measures one run in a fresh browser profile: a first visit online
// until the service worker has saved the app, then, with the network cut,
// a reload and a new tab. It returns Chromium's version.
func (s *subject) visit(profile string) (string, error) {
	b, err := e2e.NewBrowser(profile)
	if err != nil {
		return "", err
	}
	defer b.Close()
	version, err := b.ChromiumVersion()
	if err != nil {
		return "", err
	}
	url := s.srv.URL + "/"
	tab := b.FirstTab()

	b.Proxy.ResetBytes()
	seen := len(b.Proxy.Requests())
	first, err := tab.TimeInteractive(chromedp.Navigate(url), s.in, time.Minute)
	if err != nil {
		return "", fmt.Errorf("first visit: %w", err)
	}
	if err := tab.WaitPrecached(b.Proxy, time.Second); err != nil {
		return "", fmt.Errorf("first visit: %w", err)
	}
	s.add(firstBytes, float64(b.Proxy.Bytes()))
	wasmRequests := 0
	for _, r := range b.Proxy.Requests()[seen:] {
		if r == "GET "+s.srv.URL+"/web/app.wasm" {
			wasmRequests++
		}
	}
	s.add(firstWasm, float64(wasmRequests))
	s.add(firstTime, first.Responded)
	if h := otherHosts(b.Proxy, s.srv.Addr()); len(h) > 0 {
		return "", fmt.Errorf("the browser asked other hosts, so the bytes are not the app's alone: %v", h)
	}

	b.Proxy.SetOffline(true)
	reload, err := tab.TimeInteractive(chromedp.Reload(), s.in, 30*time.Second)
	if err != nil {
		return "", fmt.Errorf("offline reload: %w", err)
	}
	s.add(reloadTime, reload.Responded)

	for _, rate := range coldRates {
		ms, err := coldStart(b, url, s.in, rate)
		if err != nil {
			return "", fmt.Errorf("offline cold start, CPU x%g: %w", rate, err)
		}
		s.add(coldTime(rate), ms)
	}
	return version, nil
}

// coldStart opens url in a new tab of b, with every service worker
// stopped first and the tab's CPU slowed down rate times, and returns when
// the app answered a tap, in ms after the navigation started.
func coldStart(b *e2e.Browser, url string, in e2e.Interactive, rate float64) (float64, error) {
	tab, err := b.NewTab()
	if err != nil {
		return 0, err
	}
	defer tab.Close()
	if err := tab.StopWorkers(); err != nil {
		return 0, err
	}
	if err := tab.Throttle(rate); err != nil {
		return 0, err
	}
	start, err := tab.TimeInteractive(chromedp.Navigate(url), in, time.Minute)
	if err != nil {
		return 0, err
	}
	return start.Responded, nil
}

func (s *subject) add(measure string, v float64) {
	if s.samples == nil {
		s.samples = make(map[string][]float64)
	}
	s.samples[measure] = append(s.samples[measure], v)
}

// otherHosts returns the hosts the browser asked for other than the app's
// own server.
func otherHosts(p *e2e.Proxy, own string) []string {
	var other []string
	for _, h := range p.Hosts() {
		if h != own {
			other = append(other, h)
		}
	}
	return other
}
