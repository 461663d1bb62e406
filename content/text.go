package content

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// text is one language's text, as its directory holds it (see the package
// comment): only the fields tagged text:"yes", keyed by the English IDs.
type text struct {
	lang     Lang
	points   map[string]pointText
	routines map[string]routineText
	safety   safetyText
	pages    map[string]pageText
}

type pointText struct {
	Meridian   string   `json:"meridian"`
	Region     string   `json:"region"`
	Areas      []string `json:"areas"`
	Uses       []string `json:"uses"`
	Location   string   `json:"location"`
	Finding    []string `json:"finding"`
	Pressing   string   `json:"pressing"`
	Cautions   []string `json:"cautions"`
	DrawingAlt string   `json:"drawing_alt"`
}

type routineText struct {
	Title   string              `json:"title"`
	Summary string              `json:"summary"`
	Steps   map[string]stepText `json:"steps"`
}

type stepText struct {
	Title        string   `json:"title"`
	Instructions []string `json:"instructions"`
}

type safetyText struct {
	Notice []string `json:"notice"`
	// RedFlags are in the English order; their urgency is the English's.
	RedFlags      []redFlagText `json:"red_flags"`
	Soak          []string      `json:"soak"`
	SoakClinician string        `json:"soak_clinician"`
	Pregnancy     string        `json:"pregnancy"`
}

type redFlagText struct {
	Sign   string `json:"sign"`
	Action string `json:"action"`
}

type pageText struct {
	Title    string    `json:"title"`
	Summary  string    `json:"summary"`
	Sections []Section `json:"sections"`
}

// readText reads lang's text files. A field these types lack, such as
// "seconds" or a misspelt key, is an error: structure belongs in the
// English files only.
func readText(lang Lang) (*text, error) {
	t := &text{lang: lang}
	if err := readFiles(translations, string(lang), true, &t.points, &t.routines, &t.safety, &t.pages); err != nil {
		return nil, err
	}
	return t, nil
}

// apply returns a copy of en with its text replaced by t's. Everything
// else comes from en. Text t lacks is left empty, never filled in with
// English, so that Validate and CompareText report it; text for an ID en
// does not have is an error here, since it would otherwise be dropped
// without a word.
func (t *text) apply(en *Library) (*Library, error) {
	lib := &Library{Lang: t.lang}
	var unknown []string
	for _, p := range en.Points {
		pt := t.points[p.ID]
		p.OtherCodes = slices.Clone(p.OtherCodes)
		p.Aliases = slices.Clone(p.Aliases)
		p.Meridian, p.Region = pt.Meridian, pt.Region
		p.Areas, p.Uses = pt.Areas, pt.Uses
		p.Location, p.Finding, p.Pressing = pt.Location, pt.Finding, pt.Pressing
		p.Cautions, p.DrawingAlt = pt.Cautions, pt.DrawingAlt
		lib.Points = append(lib.Points, p)
	}
	unknown = append(unknown, extra("points.json", "point", t.points, en.pointIDs())...)

	for _, r := range en.Routines {
		rt := t.routines[r.ID]
		r.Title, r.Summary = rt.Title, rt.Summary
		steps := make([]Step, len(r.Steps))
		ids := map[string]bool{}
		for i, s := range r.Steps {
			st := rt.Steps[s.ID]
			s.Title, s.Instructions = st.Title, st.Instructions
			steps[i] = s
			ids[s.ID] = true
		}
		r.Steps = steps
		lib.Routines = append(lib.Routines, r)
		unknown = append(unknown, extra("routines.json", fmt.Sprintf("routine %q step", r.ID), rt.Steps, ids)...)
	}
	routineIDs := map[string]bool{}
	for _, r := range en.Routines {
		routineIDs[r.ID] = true
	}
	unknown = append(unknown, extra("routines.json", "routine", t.routines, routineIDs)...)

	// Red flags pair with the English by position. A list of another
	// length keeps its own length, and CompareText reports it.
	lib.Safety = Safety{
		Notice:        t.safety.Notice,
		Soak:          t.safety.Soak,
		SoakClinician: t.safety.SoakClinician,
		Pregnancy:     t.safety.Pregnancy,
	}
	for i, f := range t.safety.RedFlags {
		urgent := i < len(en.Safety.RedFlags) && en.Safety.RedFlags[i].Urgent
		lib.Safety.RedFlags = append(lib.Safety.RedFlags, RedFlag{Sign: f.Sign, Action: f.Action, Urgent: urgent})
	}

	pageIDs := map[string]bool{}
	for _, p := range en.Pages {
		pt := t.pages[p.ID]
		p.Title, p.Summary, p.Sections = pt.Title, pt.Summary, pt.Sections
		lib.Pages = append(lib.Pages, p)
		pageIDs[p.ID] = true
	}
	unknown = append(unknown, extra("pages.json", "page", t.pages, pageIDs)...)

	if len(unknown) > 0 {
		return nil, fmt.Errorf("content: %s: %s", t.lang, strings.Join(unknown, "\n"))
	}
	return lib, nil
}

func (l *Library) pointIDs() map[string]bool {
	ids := map[string]bool{}
	for _, p := range l.Points {
		ids[p.ID] = true
	}
	return ids
}

// extra lists, in order, the keys of m that are not among ids.
func extra[V any](file, what string, m map[string]V, ids map[string]bool) []string {
	var out []string
	for id := range m {
		if !ids[id] {
			out = append(out, fmt.Sprintf("%s: %s %q is not in the English %s", file, what, id, file))
		}
	}
	sort.Strings(out)
	return out
}
