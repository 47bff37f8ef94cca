// Package lsp serves citecheck's findings to editors over the Language
// Server Protocol: diagnostics as a Markdown, HTML or text document is
// opened and edited, the reference entry of a citation on hover, and a
// quick fix that adds a suppression comment above a finding's line.
//
// The protocol's types and method dispatch are github.com/tliron/glsp's
// (LSP 3.16); the JSON-RPC connection, its framing and replies, is
// github.com/sourcegraph/jsonrpc2's. Serve runs on any stream, so tests
// drive it over pipes as an editor drives the command over stdin and
// stdout.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// ErrNoShutdown means the client exited, or closed the stream, without
// asking the server to shut down first; the protocol has the server exit
// with status 1 then.
var ErrNoShutdown = errors.New("lsp: exit without shutdown")

// codeServerNotInitialized is the protocol's error code for a request
// before initialize.
const codeServerNotInitialized = -32002

// Options configure a server.
type Options struct {
	// Check is the template of every check: its Limits, Rules and
	// MinScore are used as they are; Name and Format are set per
	// document.
	Check citecheck.Options
	// Debounce is how long a change waits for the next before it is
	// checked; zero checks each change at once. A newer change cancels
	// the check of an older one either way.
	Debounce time.Duration
	// Version is the server's version, told to the client.
	Version string
	// Logger receives the connection's errors; nil discards them.
	Logger *slog.Logger
	// Configure, when set, gives the options of one check of the
	// document at path (a file URI's path, else the URI) from opts, the
	// template's: citecheck lsp applies the .citecheck.yaml that applies
	// to the file, as check does. It is called for every check, so a
	// configuration edited while the server runs applies from the next
	// change. Its error is shown on the document, as "config-error".
	Configure func(path string, opts citecheck.Options) (citecheck.Options, error)
	// MaxMessageBytes bounds the body of a message from the client; a
	// longer one ends the connection (ErrMessageTooLarge). Zero means
	// room for a document of Check.Limits.MaxBytes written out in JSON
	// (six bytes a byte at worst, "\u0000"), plus 1 MiB.
	MaxMessageBytes int64
}

// maxMessageBytes returns the bound on a message's body.
func (o Options) maxMessageBytes() int64 {
	if o.MaxMessageBytes > 0 {
		return o.MaxMessageBytes
	}
	maxBytes := o.Check.Limits.MaxBytes
	if maxBytes <= 0 {
		maxBytes = sources.DefaultMaxBytes
	}
	return 6*maxBytes + 1<<20
}

// Serve speaks the protocol over rwc until the client sends exit, the
// stream ends or ctx is cancelled, and closes rwc. It returns nil after a
// shutdown request and exit, ErrNoShutdown when the client left without
// shutdown, ctx's error when ctx was cancelled, and an error wrapping
// ErrMessageTooLarge when the client sent a message past
// Options.MaxMessageBytes (or another it could not read).
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{opts: opts, ctx: ctx, docs: map[string]*document{}}
	s.handler = &protocol.Handler{
		Initialize:  s.initialize,
		Initialized: func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:    s.shutdown,
		// the server answers each message in turn, so there is no request
		// to cancel by the time it reads a cancellation; a newer change
		// cancels the check of an older one by itself
		CancelRequest: func(*glsp.Context, *protocol.CancelParams) error { return nil },
		Progress:      func(*glsp.Context, *protocol.ProgressParams) error { return nil },
		SetTrace:      func(*glsp.Context, *protocol.SetTraceParams) error { return nil },

		TextDocumentDidOpen:   s.didOpen,
		TextDocumentDidChange: s.didChange,
		TextDocumentDidClose:  s.didClose,
		TextDocumentDidSave:   func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },

		TextDocumentHover:      s.hover,
		TextDocumentCodeAction: s.codeAction,
	}
	stream := jsonrpc2.NewBufferedStream(rwc, boundedCodec{maxBody: opts.maxMessageBytes(), refuse: s.refuse})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed(),
		jsonrpc2.SetLogger(slogPrinter{opts.Logger}))
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close() //nolint:errcheck // the context's error is the one to report
	}
	cancel() // stops the checks still running
	s.wg.Wait()
	if err := parent.Err(); err != nil && !s.exited() {
		return fmt.Errorf("lsp: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused != nil {
		return s.refused
	}
	if !s.shutDown {
		return ErrNoShutdown
	}
	return nil
}

// refuse records why the connection's reader stopped on a message it
// would not read, for Serve to return.
func (s *server) refuse(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused == nil {
		s.refused = err
	}
}

// server is one connection's state.
type server struct {
	opts    Options
	ctx     context.Context // the connection's; cancelled when it ends
	handler *protocol.Handler
	wg      sync.WaitGroup // the checks running

	mu       sync.Mutex
	conn     *jsonrpc2.Conn       // set by the first message, which may come before NewConn returns
	docs     map[string]*document // open documents by URI
	shutDown bool                 // a shutdown request came
	exit     bool                 // the exit notification came
	refused  error                // why the reader stopped on a message, if it did
}

func (s *server) exited() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exit
}

// handle dispatches a request or notification through glsp's handler,
// answering as the protocol asks for the cases it leaves to the server.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	if req.Method == protocol.MethodExit {
		s.mu.Lock()
		s.exit = true
		s.mu.Unlock()
		return nil, conn.Close()
	}
	if !s.handler.IsInitialized() && req.Method != protocol.MethodInitialize {
		s.mu.Lock()
		shutDown := s.shutDown
		s.mu.Unlock()
		if shutDown {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "server is shut down"}
		}
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "server not initialized"}
	}
	gctx := &glsp.Context{
		Method: req.Method,
		Params: json.RawMessage("null"),
		Notify: func(method string, params any) { s.notify(method, params) },
		Call: func(method string, params, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				s.opts.Logger.Error("lsp: call", "method", method, "err", err)
			}
		},
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	result, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod && req.Notif:
		return nil, nil // a notification the server does not know is ignored, as the protocol asks
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
	}
	return result, nil
}

// notify sends a notification, logging a failure: a closed connection has
// nobody left to tell.
func (s *server) notify(method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Notify(s.ctx, method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.opts.Logger.Error("lsp: notify", "method", method, "err", err)
	}
}

func (s *server) initialize(_ *glsp.Context, _ *protocol.InitializeParams) (any, error) {
	caps := s.handler.CreateServerCapabilities()
	change := protocol.TextDocumentSyncKindIncremental
	openClose := true
	caps.TextDocumentSync = &protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &change}
	caps.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}}
	version := s.opts.Version
	return protocol.InitializeResult{
		Capabilities: caps,
		ServerInfo:   &protocol.InitializeResultServerInfo{Name: "citecheck", Version: &version},
	}, nil
}

func (s *server) shutdown(*glsp.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutDown = true
	for _, d := range s.docs {
		d.cancel()
	}
	return nil
}

// slogPrinter is the jsonrpc2 connection's logger.
type slogPrinter struct{ l *slog.Logger }

func (p slogPrinter) Printf(format string, args ...any) {
	p.l.Warn(fmt.Sprintf(format, args...))
}
