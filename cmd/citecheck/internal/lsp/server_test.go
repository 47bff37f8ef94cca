package lsp

import (
	"context"
	"encoding/json"
	"net"
	"testing"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// client is the editor's end of a connection to a server under test.
type client struct {
	conn  *jsonrpc2.Conn
	diags chan publishDiagnostics
	msgs  chan string
	done  chan error // what Serve returned
}

// The wire forms the tests compare, decoded with the field names of the
// protocol rather than glsp's Go types, as an editor reads them.
type (
	position struct {
		Line      int `json:"line"`
		Character int `json:"character"`
	}
	lspRange struct {
		Start position `json:"start"`
		End   position `json:"end"`
	}
	diagnostic struct {
		Range           lspRange `json:"range"`
		Severity        int      `json:"severity"`
		Code            string   `json:"code"`
		Source          string   `json:"source"`
		Message         string   `json:"message"`
		CodeDescription struct {
			Href string `json:"href"`
		} `json:"codeDescription"`
		RelatedInformation []struct {
			Location struct {
				URI   string   `json:"uri"`
				Range lspRange `json:"range"`
			} `json:"location"`
			Message string `json:"message"`
		} `json:"relatedInformation"`
	}
	publishDiagnostics struct {
		URI         string       `json:"uri"`
		Diagnostics []diagnostic `json:"diagnostics"`
	}
	textEdit struct {
		Range   lspRange `json:"range"`
		NewText string   `json:"newText"`
	}
	codeAction struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
		Edit  struct {
			Changes map[string][]textEdit `json:"changes"`
		} `json:"edit"`
	}
)

// start runs a server over an in-memory pipe and returns its client.
func start(t *testing.T, opts Options) *client {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	c := &client{diags: make(chan publishDiagnostics, 16), msgs: make(chan string, 16), done: make(chan error, 1)}
	go func() { c.done <- Serve(context.Background(), serverEnd, opts) }()
	handler := jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		switch req.Method {
		case "textDocument/publishDiagnostics":
			var p publishDiagnostics
			if err := json.Unmarshal(*req.Params, &p); err == nil {
				c.diags <- p
			}
		case "window/showMessage":
			c.msgs <- string(*req.Params)
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(clientEnd, jsonrpc2.VSCodeObjectCodec{}), handler)
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *client) call(t *testing.T, method string, params, result any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, c.conn.Call(ctx, method, params, result), method)
}

func (c *client) notify(t *testing.T, method string, params any) {
	t.Helper()
	require.NoError(t, c.conn.Notify(context.Background(), method, params), method)
}

// next returns the next diagnostics published.
func (c *client) next(t *testing.T) publishDiagnostics {
	t.Helper()
	select {
	case p := <-c.diags:
		return p
	case <-time.After(30 * time.Second):
		t.Fatal("no diagnostics published")
	}
	return publishDiagnostics{}
}

func (c *client) initialize(t *testing.T) {
	t.Helper()
	var res struct {
		Capabilities struct {
			TextDocumentSync struct {
				OpenClose bool `json:"openClose"`
				Change    int  `json:"change"`
			} `json:"textDocumentSync"`
			HoverProvider      bool `json:"hoverProvider"`
			CodeActionProvider any  `json:"codeActionProvider"`
		} `json:"capabilities"`
		ServerInfo struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	c.call(t, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &res)
	assert.Equal(t, "citecheck", res.ServerInfo.Name)
	assert.True(t, res.Capabilities.TextDocumentSync.OpenClose)
	assert.Equal(t, 2, res.Capabilities.TextDocumentSync.Change, "incremental sync")
	assert.True(t, res.Capabilities.HoverProvider)
	assert.NotNil(t, res.Capabilities.CodeActionProvider)
	c.notify(t, "initialized", map[string]any{})
}

func (c *client) shutdown(t *testing.T) {
	t.Helper()
	c.call(t, "shutdown", nil, nil)
	c.notify(t, "exit", nil)
	select {
	case err := <-c.done:
		assert.NoError(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func rng(l1, c1, l2, c2 int) lspRange {
	return lspRange{position{l1, c1}, position{l2, c2}}
}

// article cites two works under an empty References heading; "Çelik" and
// the emoji before the second citation take two bytes and four bytes, one
// UTF-16 unit and two.
const article = "# Steel\n\nSteel output rose 4% in 2023 (Çelik, 2021). 😀 Prices fell (Smith, 2019).\n\n## References\n\n"

// TestEditorSession drives the server as an editor does: open, change,
// hover, code action, close, shutdown and exit.
func TestEditorSession(t *testing.T) {
	const uri = "file:///drafts/steel.md"
	c := start(t, Options{})
	c.initialize(t)
	c.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "markdown", "version": 1, "text": article}})

	got := c.next(t)
	assert.Equal(t, uri, got.URI)
	empty := findDiag(got.Diagnostics, "empty-reference-list")
	require.NotNil(t, empty, "%+v", got.Diagnostics)
	assert.Equal(t, rng(4, 3, 4, 13), empty.Range, "the heading's text, after '## '")
	assert.Equal(t, 1, empty.Severity, "error")
	assert.Equal(t, "citecheck", empty.Source)
	assert.Equal(t, citecheck.DocsURL("empty-reference-list"), empty.CodeDescription.Href)
	require.Len(t, empty.RelatedInformation, 2)
	for i, want := range []lspRange{
		rng(2, 30, 2, 41), // "Çelik, 2021": 11 characters, one of them two bytes
		rng(2, 60, 2, 71), // "Smith, 2019", after the emoji's two UTF-16 units
	} {
		assert.Equal(t, uri, empty.RelatedInformation[i].Location.URI)
		assert.Equal(t, want, empty.RelatedInformation[i].Location.Range, empty.RelatedInformation[i].Message)
	}
	if late := findDiag(got.Diagnostics, "anachronistic-citation"); assert.NotNil(t, late) {
		assert.Equal(t, 2, late.Severity, "warning")
	}

	// hover on "Çelik": unresolved, no entry
	var hover struct {
		Contents struct {
			Kind  string `json:"kind"`
			Value string `json:"value"`
		} `json:"contents"`
		Range lspRange `json:"range"`
	}
	pos := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": position{2, 33}}
	c.call(t, "textDocument/hover", pos, &hover)
	assert.Equal(t, "markdown", hover.Contents.Kind)
	assert.Contains(t, hover.Contents.Value, "`Çelik, 2021` is unresolved")
	assert.Contains(t, hover.Contents.Value, "No entry in the reference list matches it.")

	// an incremental edit adds the entries after the heading
	entries := "Çelik, A. (2021). Steel in Turkey. Ankara: Metal Press.\n\nSmith, J. (2019). Prices of steel. Journal of Steel, 4(2), 1–9.\n"
	c.notify(t, "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(6, 0, 6, 0), "text": entries}}})
	got = c.next(t)
	assert.Nil(t, findDiag(got.Diagnostics, "empty-reference-list"), "%+v", got.Diagnostics)

	// hover on the emoji's neighbour "Smith": now resolved to its entry
	hover.Contents.Value = ""
	pos["position"] = position{2, 62}
	c.call(t, "textDocument/hover", pos, &hover)
	assert.Contains(t, hover.Contents.Value, "`Smith, 2019` is resolved")
	assert.Contains(t, hover.Contents.Value, "> Smith, J. (2019). Prices of steel.")
	assert.Equal(t, 2, hover.Range.Start.Line)

	// a quick fix for the warning on line 3 inserts a suppression above it
	var actions []codeAction
	c.call(t, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": rng(2, 0, 2, 5), "context": map[string]any{"diagnostics": []any{}}}, &actions)
	require.NotEmpty(t, actions)
	assert.Equal(t, "quickfix", actions[0].Kind)
	assert.Equal(t, []textEdit{{Range: rng(2, 0, 2, 0), NewText: "<!-- citecheck-disable-next-line anachronistic-citation -->\n"}},
		actions[0].Edit.Changes[uri])

	c.notify(t, "textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	got = c.next(t)
	assert.Empty(t, got.Diagnostics, "closing clears the diagnostics")
	c.shutdown(t)
}

func findDiag(ds []diagnostic, code string) *diagnostic {
	for i := range ds {
		if ds[i].Code == code {
			return &ds[i]
		}
	}
	return nil
}

// TestDocuments checks what one opened document gets: its format from the
// language identifier or the file name, the suppression comment of that
// format, and a refusal past the size limit.
func TestDocuments(t *testing.T) {
	textArticle := "Steel output rose 4% in 2023 (Çelik, 2021).\n\nReferences\n\nÇelik, A. (2021). Steel in Turkey. Ankara: Metal Press.\n"
	tests := []struct {
		name        string
		uri, langID string
		text        string
		limits      citecheck.Limits
		wantCode    string
		wantRange   lspRange
		wantFix     string // the quick fix's text for the first diagnostic, if any
	}{
		{name: "markdown by language", uri: "file:///a.md", langID: "markdown", text: article,
			wantCode: "empty-reference-list", wantRange: rng(4, 3, 4, 13)},
		{name: "text by file name", uri: "file:///notes/a.txt", langID: "", text: textArticle,
			wantCode: "anachronistic-citation", wantRange: rng(0, 0, 0, 43),
			wantFix: "# citecheck-disable-next-line anachronistic-citation\n"},
		{name: "html by language", uri: "untitled:1", langID: "html",
			text:     "<html><body><h1>Steel</h1>\n<p>Steel output rose 4% in 2023 (Çelik, 2021).</p>\n<h2>References</h2>\n</body></html>\n",
			wantCode: "empty-reference-list", wantRange: rng(2, 4, 2, 14),
			wantFix: "<!-- citecheck-disable-next-line empty-reference-list -->\n"},
		{name: "over the size limit", uri: "file:///big.md", langID: "markdown", text: article,
			limits: citecheck.Limits{MaxBytes: 10}, wantCode: "limit-bytes", wantRange: rng(0, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, Options{Check: citecheck.Options{Limits: tt.limits}})
			c.initialize(t)
			c.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": tt.uri, "languageId": tt.langID, "version": 1, "text": tt.text}})
			got := c.next(t)
			d := findDiag(got.Diagnostics, tt.wantCode)
			require.NotNil(t, d, "%+v", got.Diagnostics)
			assert.Equal(t, tt.wantRange, d.Range)
			if tt.wantFix != "" {
				var actions []codeAction
				c.call(t, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": tt.uri},
					"range": d.Range, "context": map[string]any{"diagnostics": []any{}}}, &actions)
				require.NotEmpty(t, actions)
				edits := actions[0].Edit.Changes[tt.uri]
				require.Len(t, edits, 1)
				assert.Equal(t, tt.wantFix, edits[0].NewText)
				assert.Equal(t, 0, edits[0].Range.Start.Character)
			}
			c.shutdown(t)
		})
	}
}

// TestFullSync checks a change that sends the whole text, and that a
// document in a language citecheck does not read gets no diagnostics.
func TestFullSync(t *testing.T) {
	c := start(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(t)
	c.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file:///main.go", "languageId": "go", "version": 1, "text": "package main // (Smith, 2019)\n"}})
	c.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file:///a.md", "languageId": "markdown", "version": 1, "text": article}})
	got := c.next(t)
	assert.Equal(t, "file:///a.md", got.URI, "the Go file is not checked")
	require.NotNil(t, findDiag(got.Diagnostics, "empty-reference-list"))
	for v, text := range []string{"# Steel\n\nMid edit (Çel", "# Steel\n\nSteel is an alloy of iron.\n"} {
		c.notify(t, "textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": "file:///a.md", "version": v + 2},
			"contentChanges": []any{map[string]any{"text": text}}})
	}
	got = c.next(t)
	assert.Empty(t, got.Diagnostics, "only the last version is checked and published")
	c.shutdown(t)
}

// TestLifecycle checks the protocol's rules around initialize, shutdown and
// exit.
func TestLifecycle(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, c *client)
		want error
	}{
		{"a request before initialize", func(t *testing.T, c *client) {
			err := c.conn.Call(context.Background(), "textDocument/hover", map[string]any{}, nil)
			var rpcErr *jsonrpc2.Error
			require.ErrorAs(t, err, &rpcErr)
			assert.Equal(t, int64(codeServerNotInitialized), rpcErr.Code)
			c.initialize(t)
			c.call(t, "shutdown", nil, nil)
			c.notify(t, "exit", nil)
		}, nil},
		{"an unknown request", func(t *testing.T, c *client) {
			c.initialize(t)
			err := c.conn.Call(context.Background(), "textDocument/formatting", map[string]any{}, nil)
			var rpcErr *jsonrpc2.Error
			require.ErrorAs(t, err, &rpcErr)
			assert.Equal(t, int64(jsonrpc2.CodeMethodNotFound), rpcErr.Code)
			c.call(t, "shutdown", nil, nil)
			c.notify(t, "exit", nil)
		}, nil},
		{"bad params", func(t *testing.T, c *client) {
			c.initialize(t)
			err := c.conn.Call(context.Background(), "textDocument/hover", []int{1}, nil)
			var rpcErr *jsonrpc2.Error
			require.ErrorAs(t, err, &rpcErr)
			assert.Equal(t, int64(jsonrpc2.CodeInvalidParams), rpcErr.Code)
			c.call(t, "shutdown", nil, nil)
			c.notify(t, "exit", nil)
		}, nil},
		{"exit without shutdown", func(t *testing.T, c *client) {
			c.initialize(t)
			c.notify(t, "exit", nil)
		}, ErrNoShutdown},
		{"the stream closes", func(t *testing.T, c *client) {
			c.initialize(t)
			c.conn.Close()
		}, ErrNoShutdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, Options{})
			tt.run(t, c)
			select {
			case err := <-c.done:
				if tt.want == nil {
					assert.NoError(t, err)
				} else {
					assert.ErrorIs(t, err, tt.want)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the server did not exit")
			}
		})
	}
}

// TestServeCancelled checks that cancelling the context ends the server
// with the context's error, as an interrupt does the command.
func TestServeCancelled(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	t.Cleanup(func() { clientEnd.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, serverEnd, Options{}) }()
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
}
