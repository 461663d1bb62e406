package ui

// Line icons for the navigation, drawn for this app. They are decorative
// (aria-hidden): every icon sits beside a text label.
const (
	svgOpen = `<svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">`

	iconHome   = svgOpen + `<path d="M3 11l9-7 9 7"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/></svg>`
	iconTimer  = svgOpen + `<circle cx="12" cy="13" r="8"/><path d="M12 9v4l3 2"/><path d="M9 2h6"/></svg>`
	iconPoint  = svgOpen + `<path d="M8 3c-2 3-2 7 0 10 1 2 1 5 0 8h5c2-4 3-8 1-12-1-2-1-4 0-6"/><circle cx="11" cy="9" r="1.5" fill="currentColor"/></svg>`
	iconLog    = svgOpen + `<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/></svg>`
	iconSafety = svgOpen + `<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M12 8v5"/><circle cx="12" cy="16.5" r=".6" fill="currentColor"/></svg>`
	iconSearch = svgOpen + `<circle cx="11" cy="11" r="6.5"/><path d="M16 16l4.5 4.5"/></svg>`
	iconMoon   = svgOpen + `<path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"/></svg>`
)
