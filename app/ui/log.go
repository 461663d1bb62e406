package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// logPage is the symptom log: cramps and heel pain, kept on this phone.
type logPage struct {
	app.Compo
}

func (p *logPage) Render() app.UI {
	return &shell{
		Title: "Your log",
		Path:  PathLog,
		Content: []app.UI{
			app.P().Class("lead").Text("Nothing logged yet."),
			app.P().Text("What you log stays on this phone. It is never sent anywhere."),
		},
	}
}
