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

// iconBrand is the app's icon (web/icons/icon.svg) drawn in the top bar,
// inline: as an <img>, Chromium builds a separate SVG document for it while
// the page loads, which held a slow phone's start up by about 15 ms per
// CPU-speed unit (57 ms at x4). Decorative: the name is beside it.
const iconBrand = `<svg class="brand-icon" aria-hidden="true" viewBox="0 0 512 512" width="28" height="28">` +
	`<rect width="512" height="512" rx="112" fill="#1f4e5f"/><g transform="translate(-12 -10)">` +
	`<path d="M392 100A68 68 0 1 0 448 204A54 54 0 1 1 392 100Z" fill="#f6efe3"/>` +
	`<path d="M404 262L410 276L424 282L410 288L404 302L398 288L384 282L398 276Z" fill="#f6efe3"/>` +
	`<g transform="translate(236 282) rotate(-12)"><g fill="#f6efe3">` +
	`<path d="M-64-84C-64-120-28-130 4-126C44-122 72-100 70-62C68-24 56 14 56 56C56 90 66 118 60 146C52 186-42 190-54 152C-60 128-56 104-48 82C-40 60-30 34-36 6C-42-26-64-48-64-84Z"/>` +
	`<ellipse cx="-44" cy="-164" rx="24" ry="30"/><circle cx="-4" cy="-180" r="16"/><circle cx="26" cy="-174" r="14.5"/>` +
	`<circle cx="51" cy="-159" r="13"/><circle cx="70" cy="-138" r="11.5"/></g>` +
	`<circle cx="6" cy="-68" r="27" fill="#e0a458" fill-opacity="0.35"/><circle cx="6" cy="-68" r="14" fill="#e0a458"/>` +
	`</g></g></svg>`
