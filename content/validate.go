package content

import (
	"errors"
	"fmt"
	"github.com/calfandsole/calfandsole/content/names"
	"strings"
)

// Validate checks the library for missing text, malformed or duplicate IDs,
// names shared by two points, routines that name a missing point, and step
// durations out of range. It reports every problem it finds, joined into one
// error, or nil when the library is sound.
func (l *Library) Validate() error {
	v := &validator{}
	v.points(l.Points)
	v.routines(l.Routines, l.Points)
	v.safety(l.Safety)
	v.pages(l.Pages)
	return errors.Join(v.errs...)
}

// validator collects problems as it walks the library.
type validator struct {
	errs []error
}

func (v *validator) addf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

// text reports an empty or blank string field.
func (v *validator) text(ctx, field, s string) {
	if strings.TrimSpace(s) == "" {
		v.addf("%s: empty %s", ctx, field)
	}
}

// list reports an empty list, or an empty item in it. It is for lists that
// must have at least one item.
func (v *validator) list(ctx, field string, items []string) {
	if len(items) == 0 {
		v.addf("%s: empty %s", ctx, field)
		return
	}
	v.items(ctx, field, items)
}

// items reports empty items in a list that may itself be empty.
func (v *validator) items(ctx, field string, items []string) {
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			v.addf("%s: empty %s[%d]", ctx, field, i)
		}
	}
}

// id reports an empty ID, one not in slug form, or one seen before in seen.
func (v *validator) id(ctx, id string, seen map[string]bool) {
	switch {
	case id == "":
		v.addf("%s: empty id", ctx)
		return
	case !names.IsSlug(id):
		v.addf("%s: id %q is not lower-case slug form [a-z0-9-]", ctx, id)
	}
	if seen[id] {
		v.addf("%s: duplicate id %q", ctx, id)
	}
	seen[id] = true
}

func (v *validator) points(points []Point) {
	if len(points) == 0 {
		v.addf("no points")
	}
	ids := map[string]bool{}
	owner := map[string]string{} // folded name -> point ID
	for i, p := range points {
		ctx := fmt.Sprintf("point %q", p.ID)
		if p.ID == "" {
			ctx = fmt.Sprintf("point #%d", i)
		}
		v.id(ctx, p.ID, ids)
		v.text(ctx, "who_code", p.WHOCode)
		v.text(ctx, "pinyin", p.Pinyin)
		v.text(ctx, "english", p.English)
		v.items(ctx, "other_codes", p.OtherCodes)
		v.items(ctx, "aliases", p.Aliases)
		v.text(ctx, "region", p.Region)
		v.list(ctx, "areas", p.Areas)
		v.list(ctx, "uses", p.Uses)
		v.text(ctx, "location", p.Location)
		v.list(ctx, "finding", p.Finding)
		v.text(ctx, "pressing", p.Pressing)
		v.list(ctx, "cautions", p.Cautions)
		v.text(ctx, "drawing", p.Drawing)
		if p.Drawing != "" && !strings.HasPrefix(p.Drawing, "/web/") {
			v.addf("%s: drawing %q does not start with /web/", ctx, p.Drawing)
		}
		v.text(ctx, "drawing_alt", p.DrawingAlt)
		if p.Map.X <= 0 || p.Map.X >= 100 || p.Map.Y <= 0 || p.Map.Y >= 100 {
			v.addf("%s: body map spot (%g%%, %g%%) is not inside the picture", ctx, p.Map.X, p.Map.Y)
		}

		// A name may repeat within one point (simplified and traditional
		// hanzi are often the same), but never across two points.
		for _, n := range p.Names() {
			f := names.Fold(n)
			if f == "" {
				v.addf("%s: name %q is empty once folded", ctx, n)
				continue
			}
			if other, ok := owner[f]; ok && other != p.ID {
				v.addf("%s: name %q is also a name of point %q", ctx, n, other)
				continue
			}
			owner[f] = p.ID
		}
	}
}

func (v *validator) routines(routines []Routine, points []Point) {
	if len(routines) == 0 {
		v.addf("no routines")
	}
	pointIDs := map[string]bool{}
	for _, p := range points {
		pointIDs[p.ID] = true
	}
	ids := map[string]bool{}
	for i, r := range routines {
		ctx := fmt.Sprintf("routine %q", r.ID)
		if r.ID == "" {
			ctx = fmt.Sprintf("routine #%d", i)
		}
		v.id(ctx, r.ID, ids)
		v.text(ctx, "title", r.Title)
		v.text(ctx, "summary", r.Summary)
		if len(r.Steps) == 0 {
			v.addf("%s: no steps", ctx)
		}
		stepIDs := map[string]bool{}
		for j, s := range r.Steps {
			sctx := fmt.Sprintf("%s step %q", ctx, s.ID)
			if s.ID == "" {
				sctx = fmt.Sprintf("%s step #%d", ctx, j)
			}
			v.id(sctx, s.ID, stepIDs)
			v.step(sctx, s, pointIDs)
		}
	}
}

func (v *validator) step(ctx string, s Step, pointIDs map[string]bool) {
	v.text(ctx, "title", s.Title)
	v.list(ctx, "instructions", s.Instructions)
	switch s.Kind {
	case StepPoint:
		switch {
		case s.Point == "":
			v.addf("%s: point step names no point", ctx)
		case !pointIDs[s.Point]:
			v.addf("%s: unknown point %q", ctx, s.Point)
		}
	case StepSoak, StepRub, StepMassage:
		if s.Point != "" {
			v.addf("%s: %s step names point %q; only point steps may", ctx, s.Kind, s.Point)
		}
	default:
		v.addf("%s: unknown step kind %q", ctx, s.Kind)
	}
	if s.Seconds <= 0 || s.MinSeconds <= 0 || s.MaxSeconds <= 0 {
		v.addf("%s: durations must be positive (seconds %d, min %d, max %d)",
			ctx, s.Seconds, s.MinSeconds, s.MaxSeconds)
	}
	if s.MinSeconds > s.Seconds || s.Seconds > s.MaxSeconds {
		v.addf("%s: want min <= seconds <= max, have min %d, seconds %d, max %d",
			ctx, s.MinSeconds, s.Seconds, s.MaxSeconds)
	}
}

func (v *validator) safety(s Safety) {
	const ctx = "safety"
	v.list(ctx, "notice", s.Notice)
	if len(s.RedFlags) == 0 {
		v.addf("%s: no red_flags", ctx)
	}
	for i, f := range s.RedFlags {
		fctx := fmt.Sprintf("%s red_flags[%d]", ctx, i)
		v.text(fctx, "sign", f.Sign)
		v.text(fctx, "action", f.Action)
	}
	v.list(ctx, "soak", s.Soak)
	v.text(ctx, "soak_clinician", s.SoakClinician)
	v.text(ctx, "pregnancy", s.Pregnancy)
}

func (v *validator) pages(pages []Page) {
	ids := map[string]bool{}
	for i, p := range pages {
		ctx := fmt.Sprintf("page %q", p.ID)
		if p.ID == "" {
			ctx = fmt.Sprintf("page #%d", i)
		}
		v.id(ctx, p.ID, ids)
		v.text(ctx, "title", p.Title)
		v.text(ctx, "summary", p.Summary)
		if len(p.Sections) == 0 {
			v.addf("%s: no sections", ctx)
		}
		for j, s := range p.Sections {
			sctx := fmt.Sprintf("%s section #%d", ctx, j)
			v.text(sctx, "heading", s.Heading)
			v.list(sctx, "paragraphs", s.Paragraphs)
		}
	}
}
