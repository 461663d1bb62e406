package ui

import (
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markup writes the parts of a screen that take no taps or typing (prose,
// lists, links, the tab bar) as HTML text, which go-app mounts as one
// piece of raw HTML: one call into the browser, where element chains cost
// go-app a JavaScript call per node and attribute, and on a redraw a
// comparison of two strings. Links in it work as any other: go-app follows
// every same-site link tapped in the page (its click handler is on the
// window). Anything with an event handler stays a go-app element.
type markup struct{ b strings.Builder }

// open writes a start tag with attributes given as name, value pairs; the
// values are escaped. A name with an empty value is left out.
func (m *markup) open(tag string, attrs ...string) *markup {
	m.b.WriteByte('<')
	m.b.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		m.b.WriteByte(' ')
		m.b.WriteString(attrs[i])
		m.b.WriteString(`="`)
		m.b.WriteString(html.EscapeString(attrs[i+1]))
		m.b.WriteByte('"')
	}
	m.b.WriteByte('>')
	return m
}

// close writes an end tag.
func (m *markup) close(tag string) *markup {
	m.b.WriteString("</")
	m.b.WriteString(tag)
	m.b.WriteByte('>')
	return m
}

// text writes s, escaped.
func (m *markup) text(s string) *markup {
	m.b.WriteString(html.EscapeString(s))
	return m
}

// elem writes an element holding only the text s.
func (m *markup) elem(tag, s string, attrs ...string) *markup {
	return m.open(tag, attrs...).text(s).close(tag)
}

// trusted writes HTML written in this package, such as an icon, as it is.
func (m *markup) trusted(s string) *markup {
	m.b.WriteString(s)
	return m
}

// ui is what was written, as one go-app node. It must be one element.
func (m *markup) ui() app.UI { return app.Raw(m.b.String()) }
