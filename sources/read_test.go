package sources

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want Format
	}{
		{"html extension", "a.HTML", "plain words", FormatHTML},
		{"htm extension", "a.htm", "", FormatHTML},
		{"markdown extension", "notes.md", "plain words", FormatMarkdown},
		{"markdown long extension", "notes.markdown", "", FormatMarkdown},
		{"text extension wins over content", "a.txt", "# Heading\n\n## Sub\n", FormatText},
		{"doctype", "", "\xef\xbb\xbf  <!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"html fragment", "page", "<div><p>Hello</p></div>", FormatHTML},
		{"markdown headings", "-", "# Title\n\nText with [a link](https://x.org).\n", FormatMarkdown},
		{"markdown footnotes", "", "Claim.[^1]\n\n[^1]: Source.\n", FormatMarkdown},
		{"plain prose", "", "Just some text.\n\nAnother paragraph.\n", FormatText},
		{"invalid UTF-8 is not markdown", "", "# Caf\xe9\n## x\n", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, DetectFormat(tt.file, []byte(tt.src)))
		})
	}
}

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name   string
		opts   ReadOptions
		src    string
		format Format
		text   string
	}{
		{"markdown by name", ReadOptions{Name: "a.md"}, "Some *text*.\n", FormatMarkdown, "Some text."},
		{"markdown by content", ReadOptions{Name: "-"}, "# T\n\nSome *text*.\n", FormatMarkdown, "T\nSome text."},
		{"text by name", ReadOptions{Name: "a.txt"}, "Some *text*.\n", FormatText, "Some *text*."},
		{"forced format", ReadOptions{Name: "a.md", Format: FormatText}, "# T\n", FormatText, "# T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.src), tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.format, doc.Format)
			assert.Equal(t, tt.text, doc.Text)
			assert.Equal(t, tt.opts.Name, doc.Name)
			assert.Equal(t, []byte(tt.src), doc.Src)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts ReadOptions
		want error
	}{
		{"too large", strings.Repeat("x", 101), ReadOptions{Name: "big.txt", MaxBytes: 100}, ErrTooLarge},
		{"binary", "text\x00more", ReadOptions{Name: "b.txt"}, ErrBinary},
		{"unsupported format", "text", ReadOptions{Name: "a.txt", Format: "pdf"}, ErrUnsupportedFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.src), tt.opts)
			assert.Nil(t, doc)
			require.ErrorIs(t, err, tt.want)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.opts.Name, ie.Name)

			doc, err = Parse([]byte(tt.src), tt.opts)
			assert.Nil(t, doc)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestReadSizeLimitIsExact(t *testing.T) {
	_, err := Read(strings.NewReader(strings.Repeat("x", 100)), ReadOptions{MaxBytes: 100, Format: FormatText})
	assert.NoError(t, err)
}

func TestReadBinaryPosition(t *testing.T) {
	_, err := Read(strings.NewReader("line one\nab\x00c\n"), ReadOptions{Name: "b.txt"})
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrBinary)
	assert.Equal(t, Position{Offset: 11, Line: 2, Column: 3}, ie.Pos)
}

// failingReader returns data and then an error.
type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }

func TestReadPassesReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	_, err := Read(failingReader{boom}, ReadOptions{Name: "x"})
	assert.ErrorIs(t, err, boom)
	var ie *InputError
	assert.ErrorAs(t, err, &ie)
}

func BenchmarkReadMarkdown(b *testing.B) {
	benchmarkRead(b, "markdown", FormatMarkdown)
}

func BenchmarkReadText(b *testing.B) {
	benchmarkRead(b, "text", FormatText)
}

// benchmarkRead reads every file of a testdata folder, repeated to about
// 1 MB so that the figure reflects the reader rather than set-up.
func benchmarkRead(b *testing.B, dir string, format Format) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
	require.NoError(b, err)
	require.NotEmpty(b, files)
	var inputs [][]byte
	var total int64
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(b, err)
		big := bytes.Repeat(append(src, "\n\n"...), max(1, (1<<20)/(len(src)+2)))
		inputs = append(inputs, src, big)
		total += int64(len(src) + len(big))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range inputs {
			if _, err := Parse(src, ReadOptions{Format: format}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestReadAllSizes reads inputs that say their size and inputs that do
// not, within and past the limit: the same bytes either way, and an input
// that says its size is read into one buffer of that size.
func TestReadAllSizes(t *testing.T) {
	src := bytes.Repeat([]byte("0123456789"), 100_000)
	path := filepath.Join(t.TempDir(), "in.txt")
	require.NoError(t, os.WriteFile(path, src, 0o644))
	readers := map[string]func() io.Reader{
		"bytes.Reader":   func() io.Reader { return bytes.NewReader(src) },
		"strings.Reader": func() io.Reader { return strings.NewReader(string(src)) },
		"unknown size":   func() io.Reader { return io.MultiReader(bytes.NewReader(src)) },
		"file": func() io.Reader {
			f, err := os.Open(path)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		},
	}
	for name, open := range readers {
		t.Run(name, func(t *testing.T) {
			got, err := readAll(open(), int64(len(src))+1)
			require.NoError(t, err)
			assert.Equal(t, src, got)
			got, err = readAll(open(), 1000)
			require.NoError(t, err)
			assert.Equal(t, src[:1000], got, "cut at the limit")
		})
	}
	n := testing.AllocsPerRun(5, func() {
		if _, err := readAll(bytes.NewReader(src), int64(len(src))+1); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, n, 6.0, "one buffer of the input's size, not one grown by doubling")
}
