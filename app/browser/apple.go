package browser

import "strings"

// Apple says which Apple device a user agent names: "iphone" (iPhone,
// iPad, iPod, and an iPad asking for desktop sites: a Mac with a touch
// screen), "mac" for Safari on a Mac, or "" for anything else. On these,
// Safari deletes a site's storage after seven days of use without a
// visit, unless the app was added to the home screen (or the Dock).
func Apple(userAgent string, touchPoints int) string {
	switch {
	case strings.Contains(userAgent, "iPhone"), strings.Contains(userAgent, "iPad"), strings.Contains(userAgent, "iPod"):
		return "iphone"
	case !strings.Contains(userAgent, "Macintosh"):
		return ""
	case touchPoints > 1:
		return "iphone"
	}
	for _, other := range []string{"Chrome/", "Chromium/", "Firefox/", "Edg/", "OPR/"} {
		if strings.Contains(userAgent, other) {
			return ""
		}
	}
	if strings.Contains(userAgent, "Safari/") {
		return "mac"
	}
	return ""
}
