package ui

import (
	"testing"

	"github.com/calfandsole/calfandsole/content"
)

// TestMarkup checks that what a person typed or the content holds is
// written as text, never as HTML, in text and in attribute values.
func TestMarkup(t *testing.T) {
	tests := []struct {
		name  string
		write func(m *markup)
		want  string
	}{
		{"text escaped", func(m *markup) { m.elem("p", `<img src=x onerror="alert(1)"> & 'quote'`) },
			`<p>&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#39;quote&#39;</p>`},
		{"attribute value escaped", func(m *markup) { m.elem("a", "x", "href", `/log?q="><script>`) },
			`<a href="/log?q=&#34;&gt;&lt;script&gt;">x</a>`},
		{"empty attribute left out", func(m *markup) { m.elem("a", "Log", "href", "/log", "aria-current", "") },
			`<a href="/log">Log</a>`},
		{"odd attribute list ignores the last name", func(m *markup) { m.open("div", "class").close("div") },
			`<div></div>`},
		{"trusted written as it is", func(m *markup) { m.open("span").trusted(`<svg></svg>`).close("span") },
			`<span><svg></svg></span>`},
		{"paragraphs", func(m *markup) { m.paragraphs([]string{"One", "Two & three"}) },
			`<div class="prose"><p>One</p><p>Two &amp; three</p></div>`},
		{"card", func(m *markup) { m.card(content.English, PathLog, "<i></i>", "Your log", "Kept <here>") },
			`<li><a class="card" href="/log"><i></i><span class="card-text"><strong>Your log</strong><span>Kept &lt;here&gt;</span></span></a></li>`},
	}
	for _, tt := range tests {
		var m markup
		tt.write(&m)
		if got := m.b.String(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
