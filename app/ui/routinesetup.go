package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// The routine screen before a run: the two questions, the warning signs,
// the steps, legs and times to choose, and the soak check.

// renderQuestions asks, once, the two questions that change the routine.
func (p *routinePage) renderQuestions() app.UI {
	return app.Elem("section").ID("questions").Class("card-plain").Body(
		app.H2().Text(tr(p.Lang, "Two questions first")),
		app.P().Text(tr(p.Lang, "Your answers stay on this phone. They change the routine to keep you safe. You can skip them, and change them later in About.")),
		yesNo(p.Lang, "q-pregnant", tr(p.Lang, "Are you pregnant?"), p.health.Pregnant, func(_ app.Context, v bool) { p.health.Pregnant = &v }),
		yesNo(p.Lang, "q-feet", tr(p.Lang, "Do you have diabetes, numbness in your feet, or poor circulation?"), p.health.Feet, func(_ app.Context, v bool) { p.health.Feet = &v }),
		app.Div().Class("actions").Body(
			app.Button().ID("questions-done").Class("button").Text(tr(p.Lang, "Continue")).OnClick(p.onQuestionsDone),
			app.Button().ID("questions-skip").Class("button secondary").Text(tr(p.Lang, "Skip")).OnClick(p.onQuestionsDone),
		),
	)
}

func (p *routinePage) onQuestionsDone(ctx app.Context, e app.Event) {
	p.health.Asked = true
	save(ctx, keyHealth, p.health)
}

// renderSetup shows the warning signs before a first run, the soak check,
// and the steps to choose, then Start.
func (p *routinePage) renderSetup() app.UI {
	sf := p.lib.Safety
	plan := routine.Plan(p.Routine, p.choices, p.health.Health, 1)
	soak := false
	for _, s := range plan {
		soak = soak || s.Kind == content.StepSoak
	}
	return app.Div().Body(
		app.If(p.run.Routine == p.Routine.ID && (p.run.Status == routine.Done || p.run.Status == routine.Stopped), func() app.UI {
			msg := tr(p.Lang, "Routine finished. Well done. It is in your log.")
			if p.run.Status == routine.Stopped {
				msg = tr(p.Lang, "Routine stopped. What you did is in your log.")
			}
			if p.runError != "" {
				msg = p.runError
			}
			return app.P().ID("finished").Class("callout").Aria("live", "polite").Body(
				app.Text(msg+" "), app.A().Href(href(p.Lang, PathLog)).Text(tr(p.Lang, "See your log")),
			)
		}),
		app.P().Class("lead").Text(p.Routine.Summary),
		app.If(p.startAt != "", func() app.UI {
			return app.P().ID("start-at").Class("callout").Text(trf(p.Lang, "The routine will start at %s.", stepTitle(p.Lang, p.Routine, p.startAt)))
		}),
		app.If(!p.flagsSeen, func() app.UI { return redFlags(p.Lang, sf) }),
		app.If(p.health.IsPregnant() && hasPoint(p.Routine, routine.AvoidInPregnancy), func() app.UI {
			return app.P().ID("pregnancy-note").Class("callout").Text(tr(p.Lang, "Kunlun (BL60) is left out: it is traditionally avoided in pregnancy. ") + sf.Pregnancy)
		}),
		p.renderSteps(),
		p.renderLegs(),
		app.If(soak, func() app.UI { return p.renderSoakCheck() }),
		app.P().Class("meta").Text(trf(p.Lang, "About %s in all.", routine.FormatDurationIn(p.Lang, routine.PlanDuration(plan).Round(time.Minute)))),
		app.Button().
			ID("start").
			Class("button big").
			Disabled(len(plan) == 0 || (soak && !p.soakOK)).
			Text(tr(p.Lang, "Start")).
			OnClick(p.onStart),
		app.If(soak && !p.soakOK, func() app.UI {
			return app.P().Class("small").Text(tr(p.Lang, "Confirm the water check above to start."))
		}),
		&shareButton{Lang: p.Lang, Path: routinePath(p.Routine.ID), Title: p.Routine.Title},
	)
}

func (p *routinePage) renderSteps() app.UI {
	return app.Elem("fieldset").Class("steps-choice").Body(
		app.Elem("legend").Text(tr(p.Lang, "Steps")),
		app.Range(p.Routine.Steps).Slice(func(i int) app.UI {
			s := p.Routine.Steps[i]
			if p.health.IsPregnant() && s.Point == routine.AvoidInPregnancy {
				return nil
			}
			on := p.choices.Included(s.ID)
			sec := p.choices.StepSeconds(s)
			d := routine.FormatDurationIn(p.Lang, time.Duration(sec)*time.Second)
			if s.PerSide {
				d = trf(p.Lang, "%s a leg", d)
			}
			return app.Div().Class("step-choice").Body(
				app.Elem("label").Class("choice").Body(
					app.Input().Type("checkbox").ID("include-"+s.ID).Checked(on).OnChange(p.onInclude(s.ID)),
					app.Span().Text(s.Title),
				),
				app.Div().Class("stepper").Body(
					app.Button().Class("icon-button").Aria("label", trf(p.Lang, "Shorter: %s", s.Title)).
						Disabled(!on || sec <= s.MinSeconds).Text("−").OnClick(p.onAdjust(s, -1)),
					app.Span().ID("dur-"+s.ID).Class("duration").Text(d),
					app.Button().Class("icon-button").Aria("label", trf(p.Lang, "Longer: %s", s.Title)).
						Disabled(!on || sec >= s.MaxSeconds).Text("+").OnClick(p.onAdjust(s, 1)),
				),
				app.If(s.Suggested, func() app.UI {
					return app.P().Class("small").Text(tr(p.Lang, "The article gives no time here: this is the app's suggestion."))
				}),
			)
		}),
	)
}

func (p *routinePage) renderLegs() app.UI {
	if !hasPerSide(p.Routine) {
		return nil
	}
	legs := p.choices.Legs
	if legs == "" {
		legs = routine.BothInTurn
	}
	opts := []struct {
		v     routine.Legs
		label string
	}{
		{routine.BothInTurn, tr(p.Lang, "Both legs, one after the other")},
		{routine.Split, tr(p.Lang, "Both legs in one step, switching halfway")},
		{routine.LeftOnly, tr(p.Lang, "Left leg only")},
		{routine.RightOnly, tr(p.Lang, "Right leg only")},
	}
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text(tr(p.Lang, "Legs for the point steps")),
		app.Range(opts).Slice(func(i int) app.UI {
			o := opts[i]
			return app.Elem("label").Class("choice").Body(
				app.Input().Type("radio").Name("legs").ID("legs-"+string(o.v)).Checked(legs == o.v).OnChange(p.onLegs(o.v)),
				app.Span().Text(o.label),
			)
		}),
		app.If(legs == routine.BothInTurn, func() app.UI {
			return app.Elem("label").Class("choice").Body(
				app.Input().Type("checkbox").ID("switch-pause").Checked(p.choices.SwitchSeconds > 0).OnChange(p.onSwitchPause),
				app.Span().Text(tr(p.Lang, "A 5-second pause to switch legs")),
			)
		}),
	)
}

func (p *routinePage) renderSoakCheck() app.UI {
	sf := p.lib.Safety
	return app.Elem("section").ID("soak-check").Class("callout").Body(
		app.H2().Text(tr(p.Lang, "Before the foot soak")),
		app.If(p.health.HasFeetRisk(), func() app.UI {
			return app.P().ID("soak-clinician").Class("warning").Body(app.Elem("strong").Text(tr(p.Lang, "Ask your clinician first. ")), app.Text(sf.SoakClinician))
		}),
		soakList(sf),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("checkbox").ID("soak-ok").Checked(p.soakOK).OnChange(p.onSoakOK),
			app.Span().Text(tr(p.Lang, "I have tested the water: it is comfortably warm, not hot.")),
		),
	)
}

func (p *routinePage) onInclude(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		on := ctx.JSSrc().Get("checked").Bool()
		skip := p.choices.Skip[:0:0]
		for _, s := range p.choices.Skip {
			if s != id {
				skip = append(skip, s)
			}
		}
		if !on {
			skip = append(skip, id)
		}
		p.choices.Skip = skip
		p.saveChoices(ctx)
	}
}

func (p *routinePage) onAdjust(s content.Step, dir int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		step := 15
		if s.MaxSeconds > 600 {
			step = 60
		}
		if p.choices.Seconds == nil {
			p.choices.Seconds = map[string]int{}
		}
		v := p.choices.StepSeconds(s) + dir*step
		p.choices.Seconds[s.ID] = min(max(v, s.MinSeconds), s.MaxSeconds)
		p.saveChoices(ctx)
	}
}

func (p *routinePage) onLegs(v routine.Legs) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.choices.Legs = v
		p.saveChoices(ctx)
	}
}

func (p *routinePage) onSwitchPause(ctx app.Context, e app.Event) {
	p.choices.SwitchSeconds = 0
	if ctx.JSSrc().Get("checked").Bool() {
		p.choices.SwitchSeconds = 5
	}
	p.saveChoices(ctx)
}

func (p *routinePage) saveChoices(ctx app.Context) {
	save(ctx, keyChoices+p.Routine.ID, p.choices)
}

func (p *routinePage) onSoakOK(ctx app.Context, e app.Event) {
	p.soakOK = ctx.JSSrc().Get("checked").Bool()
}

func stepTitle(l content.Lang, r content.Routine, id string) string {
	for _, s := range r.Steps {
		if s.ID == id {
			return s.Title
		}
	}
	return tr(l, "the first step")
}

func hasPoint(r content.Routine, id string) bool {
	for _, s := range r.Steps {
		if s.Point == id {
			return true
		}
	}
	return false
}

func hasPerSide(r content.Routine) bool {
	for _, s := range r.Steps {
		if s.PerSide {
			return true
		}
	}
	return false
}
