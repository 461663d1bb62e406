package browser

import "errors"

// ErrCancelled is the answer when the person closed the share sheet
// without choosing anywhere to share to.
var ErrCancelled = errors.New("the share sheet was closed")

// ErrUnsupported is the answer when the browser has no such feature.
var ErrUnsupported = errors.New("this browser cannot do that")

// ErrRefused is the answer when the browser refused without saying why
// in a way the app knows; the error wrapping it names the browser's own
// reason, for a report.
var ErrRefused = errors.New("the browser refused")
