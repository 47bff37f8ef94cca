package lsp

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBoundedCodec checks the framing the server reads: what the
// protocol's clients write is read, and what is too large or badly framed
// is refused, with the reason, before the body is read.
func TestBoundedCodec(t *testing.T) {
	body := `{"jsonrpc":"2.0","method":"exit"}`
	frame := func(headers string) string { return headers + "\r\n" + body }
	tests := []struct {
		name    string
		input   string
		want    string // the method read
		tooBig  bool
		refused bool // told to refuse (every error but the stream's end)
	}{
		{"as clients write it", frame("Content-Length: 33\r\n"), "exit", false, false},
		{"with a Content-Type", frame("Content-Length: 33\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n"), "exit", false, false},
		{"header name in another case", frame("content-length: 33\r\n"), "exit", false, false},
		{"body over the limit", frame("Content-Length: 4096\r\n"), "", true, true},
		{"a huge length", frame("Content-Length: 99999999999999\r\n"), "", true, true},
		{"too many headers", frame(strings.Repeat("X-A: b\r\n", 20) + "Content-Length: 33\r\n"), "", true, true},
		{"a header line longer than the buffer", frame("X-A: " + strings.Repeat("b", 8192) + "\r\nContent-Length: 33\r\n"), "", true, true},
		{"no Content-Length", frame("Content-Type: x\r\n"), "", false, true},
		{"a bad Content-Length", frame("Content-Length: -3\r\n"), "", false, true},
		{"bare LF", "Content-Length: 33\n\n" + body, "", false, true},
		{"not JSON", "Content-Length: 5\r\n\r\nnot j", "", false, true},
		{"the stream ends", "Content-Length: 33\r\n", "", false, false},
		{"the body is cut short", "Content-Length: 33\r\n\r\n{", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var refused error
			c := boundedCodec{maxBody: 1024, refuse: func(err error) { refused = err }}
			var msg struct {
				Method string `json:"method"`
			}
			err := c.ReadObject(bufio.NewReaderSize(strings.NewReader(tt.input), 4096), &msg)
			if tt.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, msg.Method)
				assert.NoError(t, refused)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.tooBig, errors.Is(err, ErrMessageTooLarge), "%v", err)
			if tt.refused {
				assert.Equal(t, err, refused)
			} else {
				assert.NoError(t, refused)
			}
		})
	}
}

// TestBoundedCodecWritesWhatItReads checks that what the codec writes, it
// reads back.
func TestBoundedCodecWritesWhatItReads(t *testing.T) {
	var b bytes.Buffer
	c := boundedCodec{maxBody: 1 << 10}
	require.NoError(t, c.WriteObject(&b, map[string]string{"method": "initialized"}))
	var msg map[string]string
	require.NoError(t, c.ReadObject(bufio.NewReader(&b), &msg))
	assert.Equal(t, "initialized", msg["method"])
}

// TestServeRefusesHugeMessage checks that a message past MaxMessageBytes
// ends the session with ErrMessageTooLarge, without its body being read.
func TestServeRefusesHugeMessage(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), serverEnd, Options{MaxMessageBytes: 1 << 10}) }()
	conn := jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(clientEnd, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(context.Context, *jsonrpc2.Conn, *jsonrpc2.Request) (any, error) { return nil, nil }))
	t.Cleanup(func() { conn.Close() })
	go func() {
		_ = conn.Notify(context.Background(), "textDocument/didOpen", map[string]any{
			"textDocument": map[string]any{"uri": "file:///a.md", "languageId": "markdown", "version": 1,
				"text": strings.Repeat("a", 4<<10)}})
	}()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, ErrMessageTooLarge)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
}

// TestMaxMessageBytes checks the default bound: room for the largest
// document the check limits allow, written out in JSON.
func TestMaxMessageBytes(t *testing.T) {
	var o Options
	assert.Equal(t, int64(6*16<<20+1<<20), o.maxMessageBytes())
	o.Check.Limits.MaxBytes = 100
	assert.Equal(t, int64(600+1<<20), o.maxMessageBytes())
	o.MaxMessageBytes = 5
	assert.Equal(t, int64(5), o.maxMessageBytes())
}

// FuzzBoundedCodec reads arbitrary bytes as the client's stream: the codec
// never panics, and reading a message, whatever it says its length is,
// takes no more from the stream than its bounded headers, the body bound
// and one buffer of read-ahead.
func FuzzBoundedCodec(f *testing.F) {
	f.Add([]byte("Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"))
	f.Add([]byte("Content-Length: 2\r\nContent-Type: x\r\n\r\n{}Content-Length: 2\r\n\r\n[]"))
	f.Add([]byte("content-length:5\r\n\r\n12345"))
	f.Add([]byte("Content-Length: 9999\r\n\r\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const maxBody, bufSize = 64, 16
		c := boundedCodec{maxBody: maxBody}
		src := &countingReader{r: bytes.NewReader(data)}
		r := bufio.NewReaderSize(src, bufSize)
		var v any
		_ = c.ReadObject(r, &v)
		if limit := maxHeaderLines*bufSize + maxBody + bufSize; src.n > limit {
			t.Fatalf("read %d bytes for one message, more than %d", src.n, limit)
		}
	})
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r *bytes.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
