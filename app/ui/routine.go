package ui

import (
	"strconv"
	"time"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// routinePage is one routine: set it up (steps, times, legs), pass the
// safety checks, then follow the timer: the step in large type, the
// countdown, the point's drawing, what comes next, and large Pause, Next
// and Back buttons usable in the dark.
type routinePage struct {
	app.Compo
	lib *content.Library

	// Routine is the routine this page is for.
	Routine content.Routine

	run       routine.Run
	health    healthAnswers
	choices   routine.Choices
	flagsSeen bool
	soakOK    bool
	// startAt is the content step to start at (?step=), from a point page.
	startAt string
}

func routinePath(id string) string { return PathRoutines + "/" + id }

func (p *routinePage) OnNav(ctx app.Context) {
	p.startAt = ctx.Page().URL().Query().Get("step")
}

func (p *routinePage) OnMount(ctx app.Context) {
	load(ctx, keyHealth, &p.health)
	load(ctx, keyChoices+p.Routine.ID, &p.choices)
	load(ctx, keyFlagsRun+p.Routine.ID, &p.flagsSeen)
	ctx.GetState(stateRun, &p.run) // the last run, even if over
	if r := currentRun(ctx); r != nil {
		p.run = *r
	}
	ctx.ObserveState(stateRun, &p.run)
}

func (p *routinePage) Render() app.UI {
	var body app.UI
	switch {
	case p.run.Active() && p.run.Routine == p.Routine.ID:
		body = p.renderTimer()
	case p.run.Active():
		body = p.renderOtherRunning()
	case !p.health.Asked:
		body = p.renderQuestions()
	default:
		body = p.renderSetup()
	}
	return &shell{
		Title:   p.Routine.Title,
		Path:    PathRoutines,
		Routine: p.Routine.ID,
		Content: []app.UI{body},
	}
}

// renderQuestions asks, once, the two questions that change the routine.
func (p *routinePage) renderQuestions() app.UI {
	return app.Elem("section").ID("questions").Class("card-plain").Body(
		app.H2().Text("Two questions first"),
		app.P().Text("Your answers stay on this phone. They change the routine to keep you safe. You can skip them, and change them later in About."),
		yesNo("q-pregnant", "Are you pregnant?", p.health.Pregnant, func(_ app.Context, v bool) { p.health.Pregnant = &v }),
		yesNo("q-feet", "Do you have diabetes, numbness in your feet, or poor circulation?", p.health.Feet, func(_ app.Context, v bool) { p.health.Feet = &v }),
		app.Div().Class("actions").Body(
			app.Button().ID("questions-done").Class("button").Text("Continue").OnClick(p.onQuestionsDone),
			app.Button().ID("questions-skip").Class("button secondary").Text("Skip").OnClick(p.onQuestionsDone),
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
			msg := "Routine finished. Well done. It is in your log."
			if p.run.Status == routine.Stopped {
				msg = "Routine stopped. What you did is in your log."
			}
			return app.P().ID("finished").Class("callout").Aria("live", "polite").Body(
				app.Text(msg+" "), app.A().Href(prefixed(PathLog)).Text("See your log"),
			)
		}),
		app.P().Class("lead").Text(p.Routine.Summary),
		app.If(p.startAt != "", func() app.UI {
			return app.P().ID("start-at").Class("callout").Text("The routine will start at " + stepTitle(p.Routine, p.startAt) + ".")
		}),
		app.If(!p.flagsSeen, func() app.UI { return redFlags(sf) }),
		app.If(p.health.IsPregnant() && hasPoint(p.Routine, routine.AvoidInPregnancy), func() app.UI {
			return app.P().ID("pregnancy-note").Class("callout").Text("Kunlun (BL60) is left out: it is traditionally avoided in pregnancy. " + sf.Pregnancy)
		}),
		p.renderSteps(),
		p.renderLegs(),
		app.If(soak, func() app.UI { return p.renderSoakCheck() }),
		app.P().Class("meta").Text("About "+routine.FormatDuration(routine.PlanDuration(plan).Round(time.Minute))+" in all."),
		app.Button().
			ID("start").
			Class("button big").
			Disabled(len(plan) == 0 || (soak && !p.soakOK)).
			Text("Start").
			OnClick(p.onStart),
		app.If(soak && !p.soakOK, func() app.UI {
			return app.P().Class("small").Text("Confirm the water check above to start.")
		}),
		&shareButton{Path: routinePath(p.Routine.ID), Title: p.Routine.Title},
	)
}

func (p *routinePage) renderSteps() app.UI {
	return app.Elem("fieldset").Class("steps-choice").Body(
		app.Elem("legend").Text("Steps"),
		app.Range(p.Routine.Steps).Slice(func(i int) app.UI {
			s := p.Routine.Steps[i]
			if p.health.IsPregnant() && s.Point == routine.AvoidInPregnancy {
				return nil
			}
			on := p.choices.Included(s.ID)
			sec := p.choices.StepSeconds(s)
			d := routine.FormatDuration(time.Duration(sec) * time.Second)
			if s.PerSide {
				d += " a leg"
			}
			return app.Div().Class("step-choice").Body(
				app.Elem("label").Class("choice").Body(
					app.Input().Type("checkbox").ID("include-"+s.ID).Checked(on).OnChange(p.onInclude(s.ID)),
					app.Span().Text(s.Title),
				),
				app.Div().Class("stepper").Body(
					app.Button().Class("icon-button").Aria("label", "Shorter: "+s.Title).
						Disabled(!on || sec <= s.MinSeconds).Text("−").OnClick(p.onAdjust(s, -1)),
					app.Span().ID("dur-"+s.ID).Class("duration").Text(d),
					app.Button().Class("icon-button").Aria("label", "Longer: "+s.Title).
						Disabled(!on || sec >= s.MaxSeconds).Text("+").OnClick(p.onAdjust(s, 1)),
				),
				app.If(s.Suggested, func() app.UI {
					return app.P().Class("small").Text("The article gives no time here: this is the app's suggestion.")
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
		{routine.BothInTurn, "Both legs, one after the other"},
		{routine.Split, "Both legs in one step, switching halfway"},
		{routine.LeftOnly, "Left leg only"},
		{routine.RightOnly, "Right leg only"},
	}
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text("Legs for the point steps"),
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
				app.Span().Text("A 5-second pause to switch legs"),
			)
		}),
	)
}

func (p *routinePage) renderSoakCheck() app.UI {
	sf := p.lib.Safety
	return app.Elem("section").ID("soak-check").Class("callout").Body(
		app.H2().Text("Before the foot soak"),
		app.If(p.health.HasFeetRisk(), func() app.UI {
			return app.P().ID("soak-clinician").Class("warning").Body(app.Elem("strong").Text("Ask your clinician first. "), app.Text(sf.SoakClinician))
		}),
		app.Elem("ul").Body(app.Range(sf.Soak).Slice(func(i int) app.UI { return app.Elem("li").Text(sf.Soak[i]) })),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("checkbox").ID("soak-ok").Checked(p.soakOK).OnChange(p.onSoakOK),
			app.Span().Text("I have tested the water: it is comfortably warm, not hot."),
		),
	)
}

// renderTimer is the routine in progress.
func (p *routinePage) renderTimer() app.UI {
	wake := wakeNote()
	r := p.run
	now := time.Now()
	cur := r.Current()
	title := cur.Title
	status := ""
	switch r.Status {
	case routine.GetReady:
		title, status = "Get ready", "First: "+cur.Title
	case routine.Paused:
		status = "Paused"
	case routine.Away:
		status = r.EndedAway + " ended while the app was closed. Tap Resume to go on."
	}
	var next string
	if r.Index+1 < len(r.Steps) && r.Status != routine.GetReady {
		next = "Next: " + r.Steps[r.Index+1].Title
	} else if r.Status != routine.GetReady {
		next = "This is the last step."
	}
	var drawing app.UI
	if pt, ok := p.lib.Point(cur.Point); ok && r.Status != routine.GetReady {
		drawing = app.A().Href(prefixed(pointPath(pt.ID))).Class("timer-drawing").Body(
			app.Img().Class("drawing").Src(pt.Drawing).Alt(pt.DrawingAlt).Width(400).Height(400),
		)
	}
	pauseLabel, pauseID := "Pause", "pause"
	if r.Status == routine.Paused || r.Status == routine.Away {
		pauseLabel, pauseID = "Resume", "resume"
	}
	return app.Elem("section").ID("timer").Class("timer").Body(
		app.P().Class("progress").Text("Step "+strconv.Itoa(r.Index+1)+" of "+strconv.Itoa(len(r.Steps))+" · "+routine.FormatDuration(r.TotalLeft(now).Round(time.Second))+" left in all"),
		app.H2().ID("step-title").Class("step-title").Aria("live", "polite").Text(title),
		app.P().ID("countdown").Class("countdown").Aria("label", "Time left in this step").Text(routine.FormatClock(r.Remaining(now))),
		// Parts shown only sometimes each keep their place (slot): the
		// buttons below are never rebuilt, so the focus stays on them.
		slot(status != "", func() app.UI { return app.P().ID("timer-status").Class("timer-status").Text(status) }),
		slot(wake != "", func() app.UI { return app.P().ID("wake-note").Class("small").Text(wake) }),
		slot(r.Status != routine.GetReady && cur.Kind != routine.SwitchKind, func() app.UI {
			how := stepInstructions(p.Routine, cur.StepID)
			return app.Div().Class("step-how").Body(app.Range(how).Slice(func(i int) app.UI { return app.P().Text(how[i]) }))
		}),
		slot(drawing != nil, func() app.UI { return drawing }),
		slot(next != "", func() app.UI { return app.P().ID("next").Class("next").Text(next) }),
		app.Div().Class("timer-buttons").Body(
			app.Button().ID("back").Class("button big secondary").Text("Back").OnClick(p.onBack),
			app.Button().ID(pauseID).Class("button big").Text(pauseLabel).OnClick(p.onPause),
			app.Button().ID("next-step").Class("button big secondary").Text("Next").OnClick(p.onNext),
		),
		app.Div().Class("timer-links").Body(
			app.Button().ID("restart").Class("link-button").Text("Start again").OnClick(p.onRestart),
			app.Button().ID("stop").Class("link-button").Text("Stop the routine").OnClick(p.onStop),
		),
	)
}

// wakeNote says why the screen may go dark during a run: the browser has
// no wake lock, or refused it until the next tap (WebKit does after a
// reload); "" while the screen is kept on. The timer is drawn again five
// times a second, so a refusal shows at once.
func wakeNote() string {
	w := app.Window().Get("calfsole").Get("wake")
	switch {
	case !w.Truthy() || !w.Get("supported").Bool():
		return "This browser cannot keep the screen on. Set a longer screen timeout, or tap the screen now and then."
	case w.Get("refused").Bool():
		return "The screen may turn off. Tap the screen once to keep it on."
	}
	return ""
}

func (p *routinePage) renderOtherRunning() app.UI {
	title := p.run.Routine
	if rt, ok := p.lib.Routine(p.run.Routine); ok {
		title = rt.Title
	}
	return app.Div().Body(
		app.P().Class("lead").Text(title+" is running."),
		app.P().Body(app.A().Href(prefixed(routinePath(p.run.Routine))).Text("Go back to it")),
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

func (p *routinePage) onStart(ctx app.Context, e app.Event) {
	boot := app.Window().Get("calfsole")
	scale := 1.0
	if boot.Truthy() {
		boot.Get("cues").Call("unlock") // sound may only start from a tap
		if s := boot.Get("testScale").Float(); s > 0 {
			scale = s
		}
	}
	plan := routine.Plan(p.Routine, p.choices, p.health.Health, scale)
	if len(plan) == 0 {
		return
	}
	p.flagsSeen = true
	save(ctx, keyFlagsRun+p.Routine.ID, true)
	r := routine.Start(p.Routine.ID, plan, time.Now(), time.Duration(float64(getReady)*min(scale*10, 1)))
	for i, s := range plan {
		if s.StepID == p.startAt {
			r.Index = i
			break
		}
	}
	p.run = *r
	commit(ctx, r, nil)
	app.Window().Call("scrollTo", 0, 0)
}

func (p *routinePage) onPause(ctx app.Context, e app.Event) {
	changeRun(ctx, func(r *routine.Run, now time.Time) {
		if r.Status == routine.Running || r.Status == routine.GetReady {
			r.Pause(now)
		} else {
			r.Resume(now)
		}
	})
}

func (p *routinePage) onNext(ctx app.Context, e app.Event) {
	changeRun(ctx, (*routine.Run).Next)
}

func (p *routinePage) onBack(ctx app.Context, e app.Event) {
	changeRun(ctx, (*routine.Run).Back)
}

func (p *routinePage) onRestart(ctx app.Context, e app.Event) {
	changeRun(ctx, func(r *routine.Run, now time.Time) { r.Restart(now, getReady) })
}

func (p *routinePage) onStop(ctx app.Context, e app.Event) {
	changeRun(ctx, (*routine.Run).Stop)
}

// redFlags is the list of warning signs, shown before a first run.
func redFlags(sf content.Safety) app.UI {
	return app.Elem("section").ID("red-flags").Class("callout").Body(
		app.H2().Text("Before you start: get medical help instead if"),
		flagList(sf.RedFlags),
		app.P().Class("small").Body(app.Text("These stay one tap away, under "), app.A().Href(prefixed(PathSafety)).Text("Safety"), app.Text(".")),
	)
}

// flagList lists the warning signs, the urgent ones marked in words, not
// only in colour.
func flagList(flags []content.RedFlag) app.UI {
	return app.Elem("ul").Class("flags").Body(app.Range(flags).Slice(func(i int) app.UI {
		f := flags[i]
		return app.Elem("li").Class(urgencyClass(f.Urgent)).Body(
			app.If(f.Urgent, func() app.UI { return app.Span().Class("tag").Text("Urgent") }),
			app.P().Body(app.Elem("strong").Text(f.Sign)),
			app.P().Text(f.Action),
		)
	}))
}

// yesNo is a question answered Yes or No (or left unanswered).
func yesNo(id, question string, v *bool, set func(app.Context, bool)) app.UI {
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text(question),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("radio").Name(id).ID(id+"-yes").Checked(v != nil && *v).OnChange(func(ctx app.Context, e app.Event) { set(ctx, true) }),
			app.Span().Text("Yes"),
		),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("radio").Name(id).ID(id+"-no").Checked(v != nil && !*v).OnChange(func(ctx app.Context, e app.Event) { set(ctx, false) }),
			app.Span().Text("No"),
		),
	)
}

func stepInstructions(r content.Routine, id string) []string {
	for _, s := range r.Steps {
		if s.ID == id {
			return s.Instructions
		}
	}
	return nil
}

func stepTitle(r content.Routine, id string) string {
	for _, s := range r.Steps {
		if s.ID == id {
			return s.Title
		}
	}
	return "the first step"
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

// slot keeps a place in the page for something shown only sometimes, so
// go-app never rebuilds the elements after it (which would drop the
// keyboard focus, and the answer to a tap in progress).
func slot(show bool, ui func() app.UI) app.UI {
	return app.Div().Class("slot").Body(app.If(show, ui))
}
