package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"

	"github.com/sourcegraph/jsonrpc2"
)

// ErrMessageTooLarge is a message from the client past the server's
// bounds: a body longer than Options.MaxMessageBytes, a header line longer
// than the read buffer, or too many header lines. The server ends the
// connection: nothing after it can be framed with confidence.
var ErrMessageTooLarge = errors.New("lsp: message too large")

// maxHeaderLines is how many header lines a message may have; the
// protocol defines two (Content-Length and Content-Type).
const maxHeaderLines = 16

// boundedCodec is the protocol's base framing, as
// jsonrpc2.VSCodeObjectCodec writes and reads it (Content-Length headers,
// CRLF, the JSON body), with every read bounded: a header line by the
// stream's buffer, the headers by maxHeaderLines, the body by maxBody
// bytes, read whole before it is decoded.
type boundedCodec struct {
	maxBody int64
	// refuse is told why the codec stopped reading: a message too large,
	// badly framed or not JSON (not the stream's end).
	refuse func(error)
}

// WriteObject writes obj as VSCodeObjectCodec does.
func (boundedCodec) WriteObject(stream io.Writer, obj any) error {
	return jsonrpc2.VSCodeObjectCodec{}.WriteObject(stream, obj)
}

// ReadObject reads one message into v.
func (c boundedCodec) ReadObject(stream *bufio.Reader, v any) error {
	err := c.readObject(stream, v)
	if err != nil && c.refuse != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) &&
		!errors.Is(err, io.ErrClosedPipe) && !errors.Is(err, net.ErrClosed) && !errors.Is(err, os.ErrClosed) {
		c.refuse(err)
	}
	return err
}

func (c boundedCodec) readObject(stream *bufio.Reader, v any) error {
	length := int64(-1)
	for n := 0; ; n++ {
		if n == maxHeaderLines {
			return fmt.Errorf("%w: more than %d header lines", ErrMessageTooLarge, maxHeaderLines)
		}
		line, err := stream.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("%w: a header line longer than %d bytes", ErrMessageTooLarge, stream.Size())
		}
		if err != nil {
			return err
		}
		if !bytes.HasSuffix(line, []byte("\r\n")) {
			return errors.New(`lsp: header lines must end with \r\n`)
		}
		line = line[:len(line)-2]
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return fmt.Errorf("lsp: bad header line %q", line)
		}
		if !bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			continue // Content-Type, or one the protocol may add
		}
		length, err = strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
		if err != nil || length <= 0 {
			return fmt.Errorf("lsp: bad Content-Length %q", bytes.TrimSpace(value))
		}
	}
	if length < 0 {
		return errors.New("lsp: no Content-Length header")
	}
	if length > c.maxBody {
		return fmt.Errorf("%w: %d bytes, over the limit of %d", ErrMessageTooLarge, length, c.maxBody)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(stream, body); err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}
