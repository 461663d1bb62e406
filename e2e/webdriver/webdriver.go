// Package webdriver is a small client for W3C WebDriver (the classic
// protocol, JSON over HTTP), as WebKitGTK's WebKitWebDriver speaks it: a
// session, navigation, scripts, elements, clicks and keys. It holds only
// what the browser tests use.
package webdriver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// elementKey is the name under which WebDriver sends an element reference.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Session is one WebDriver session: one browser window.
type Session struct {
	// ID is the session's id; Capabilities what the driver agreed to.
	ID           string
	Capabilities json.RawMessage

	base   string // the driver's URL, such as http://127.0.0.1:4444
	client *http.Client
}

// Error is an error the driver answered with.
type Error struct {
	Code, Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewSession asks the driver at base for a session with the capabilities
// (the "alwaysMatch" object).
func NewSession(ctx context.Context, base string, alwaysMatch any) (*Session, error) {
	s := &Session{base: base, client: &http.Client{}}
	var res struct {
		SessionID    string          `json:"sessionId"`
		Capabilities json.RawMessage `json:"capabilities"`
	}
	body := map[string]any{"capabilities": map[string]any{"alwaysMatch": alwaysMatch}}
	if err := s.do(ctx, http.MethodPost, "/session", body, &res); err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	s.ID, s.Capabilities = res.SessionID, res.Capabilities
	return s, nil
}

// Delete ends the session, which closes the browser.
func (s *Session) Delete(ctx context.Context) error {
	return s.do(ctx, http.MethodDelete, "/session/"+s.ID, nil, nil)
}

// Navigate opens url and waits until it has loaded.
func (s *Session) Navigate(ctx context.Context, url string) error {
	return s.cmd(ctx, http.MethodPost, "/url", map[string]string{"url": url}, nil)
}

// Refresh reloads the page and waits until it has loaded.
func (s *Session) Refresh(ctx context.Context) error {
	return s.cmd(ctx, http.MethodPost, "/refresh", struct{}{}, nil)
}

// SetTimeouts sets the script and page-load time limits.
func (s *Session) SetTimeouts(ctx context.Context, script, pageLoad time.Duration) error {
	return s.cmd(ctx, http.MethodPost, "/timeouts", map[string]int64{
		"script": script.Milliseconds(), "pageLoad": pageLoad.Milliseconds(),
	}, nil)
}

// SetWindowSize sets the browser window's outer size in CSS pixels.
func (s *Session) SetWindowSize(ctx context.Context, width, height int) error {
	return s.cmd(ctx, http.MethodPost, "/window/rect", map[string]int{"width": width, "height": height}, nil)
}

// Execute runs script as the body of a function with args, awaits the
// promise it returns, if any, and decodes its value into out.
func (s *Session) Execute(ctx context.Context, script string, args []any, out any) error {
	if args == nil {
		args = []any{}
	}
	return s.cmd(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": args}, out)
}

// Element is a reference to an element on the page.
type Element string

// FindElement returns the first element matching the CSS selector.
func (s *Session) FindElement(ctx context.Context, css string) (Element, error) {
	var res map[string]string
	if err := s.cmd(ctx, http.MethodPost, "/element", map[string]string{"using": "css selector", "value": css}, &res); err != nil {
		return "", fmt.Errorf("finding %s: %w", css, err)
	}
	return Element(res[elementKey]), nil
}

// Click clicks the middle of the element, as a person taps it.
func (s *Session) Click(ctx context.Context, e Element) error {
	return s.cmd(ctx, http.MethodPost, "/element/"+string(e)+"/click", struct{}{}, nil)
}

// Clear empties a text field.
func (s *Session) Clear(ctx context.Context, e Element) error {
	return s.cmd(ctx, http.MethodPost, "/element/"+string(e)+"/clear", struct{}{}, nil)
}

// SendKeys types text into the element; for a file input, text is the
// path of the file to choose.
func (s *Session) SendKeys(ctx context.Context, e Element, text string) error {
	return s.cmd(ctx, http.MethodPost, "/element/"+string(e)+"/value", map[string]string{"text": text}, nil)
}

// cmd sends a command to the session.
func (s *Session) cmd(ctx context.Context, method, path string, body, out any) error {
	return s.do(ctx, method, "/session/"+s.ID+path, body, out)
}

// do sends one request and decodes the "value" of the answer into out.
func (s *Session) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	res, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("%s %s: reading the answer: %w", method, path, err)
	}
	var answer struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &answer); err != nil {
		return fmt.Errorf("%s %s: status %d, answer not JSON: %.200s", method, path, res.StatusCode, b)
	}
	if res.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(answer.Value, &e)
		return fmt.Errorf("%s %s: %w", method, path, &Error{Code: e.Error, Message: e.Message})
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(answer.Value, out); err != nil {
		return fmt.Errorf("%s %s: decoding %.200s: %w", method, path, answer.Value, err)
	}
	return nil
}
