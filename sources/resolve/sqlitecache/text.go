package sqlitecache

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources/resolve"
)

// ErrCorruptText means a row's compressed text could not be read back.
var ErrCorruptText = errors.New("corrupt cached text")

// packText compresses a source's text for the column text: DEFLATE at the
// default level, after cutting it to resolve.MaxSourceText bytes on a rune
// boundary. Empty text is stored as NULL (a nil slice).
func packText(text string) ([]byte, error) {
	if text == "" {
		return nil, nil
	}
	text = clip(text, resolve.MaxSourceText)
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, fmt.Errorf("compress text: %w", err)
	}
	if _, err := io.WriteString(w, text); err != nil {
		return nil, fmt.Errorf("compress text: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("compress text: %w", err)
	}
	return buf.Bytes(), nil
}

// unpackText reverses packText. It reads at most resolve.MaxSourceText
// bytes, so a row written by hand cannot make it hold more; NULL is "".
func unpackText(b []byte) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, resolve.MaxSourceText))
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrCorruptText, err)
	}
	return clip(string(out), resolve.MaxSourceText), nil
}

// clip cuts s to at most n bytes at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
