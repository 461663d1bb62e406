module github.com/calfandsole/calfandsole

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.8
	github.com/arran4/golang-ical v0.3.4
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/coder/websocket v1.8.15
	github.com/google/uuid v1.6.0
	github.com/maxence-charriere/go-app/v10 v10.1.11
)

require github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
