// Package bidi is a small client for WebDriver BiDi, the W3C browser
// automation protocol over a websocket that Firefox speaks natively (no
// geckodriver): commands with their answers matched by id. Events are
// read and dropped; the browser tests need none.
package bidi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/coder/websocket"
)

// Conn is a connection to a browser's BiDi endpoint.
type Conn struct {
	ws *websocket.Conn

	mu      sync.Mutex
	next    int64
	pending map[int64]chan message
	closed  chan struct{}
	err     error // why the connection ended, once closed is closed
}

// message is a command's answer or an event, as the browser sends it.
type message struct {
	ID      *int64          `json:"id"`
	Type    string          `json:"type"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

// Error is an error the browser answered a command with.
type Error struct {
	Method, Code, Message string
}

func (e *Error) Error() string { return e.Method + ": " + e.Code + ": " + e.Message }

// Dial connects to the BiDi websocket at url (ws://host:port/session).
func Dial(ctx context.Context, url string) (*Conn, error) {
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", url, err)
	}
	// Answers can be large (a backup's text, a page's state).
	ws.SetReadLimit(64 << 20)
	c := &Conn{ws: ws, pending: make(map[int64]chan message), closed: make(chan struct{})}
	go c.read()
	return c, nil
}

// read hands each answer to the command waiting for it, until the
// connection ends.
func (c *Conn) read() {
	var err error
	for {
		var b []byte
		_, b, err = c.ws.Read(context.Background())
		if err != nil {
			break
		}
		var m message
		if json.Unmarshal(b, &m) != nil || m.ID == nil {
			continue // an event, or nothing we asked for
		}
		c.mu.Lock()
		ch := c.pending[*m.ID]
		delete(c.pending, *m.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
	close(c.closed)
}

// Call sends the command method with params and decodes its result into
// result (nil to drop it).
func (c *Conn) Call(ctx context.Context, method string, params, result any) error {
	if params == nil {
		params = struct{}{}
	}
	ch := make(chan message, 1)
	c.mu.Lock()
	c.next++
	id := c.next
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	b, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	if err := c.ws.Write(ctx, websocket.MessageText, b); err != nil {
		return fmt.Errorf("%s: sending: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Type == "error" {
			return &Error{Method: method, Code: m.Error, Message: m.Message}
		}
		if result == nil {
			return nil
		}
		if err := json.Unmarshal(m.Result, result); err != nil {
			return fmt.Errorf("%s: decoding %.200s: %w", method, m.Result, err)
		}
		return nil
	case <-c.closed:
		return fmt.Errorf("%s: the connection ended: %w", method, c.closeErr())
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *Conn) closeErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		return errors.New("closed")
	}
	return c.err
}

// Close closes the connection.
func (c *Conn) Close() error {
	return c.ws.Close(websocket.StatusNormalClosure, "")
}
