package verify

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

func scratchTexts(b *testing.B) []string {
	dirs, _ := filepath.Glob("../../../shared/data/readability-news-pages/*/source.html")
	var out []string
	for _, d := range dirs {
		raw, _ := os.ReadFile(d)
		doc, err := sources.Read(bytes.NewReader(raw), sources.ReadOptions{Name: "page.html"})
		if err == nil {
			out = append(out, doc.Text)
		}
	}
	return out
}

func BenchmarkScratchTokenize(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	var buf []token
	for b.Loop() {
		for _, t := range texts {
			buf = tokenize(buf[:0], t)
		}
	}
}

func BenchmarkScratchPrepare(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Prepare(Source{Text: t})
		}
	}
}

func BenchmarkScratchSplit(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			splitSentences(t)
		}
	}
}

func BenchmarkScratchQuantities(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Quantities(t)
		}
	}
}

func TestScratchCount(t *testing.T) {
	texts := scratchTexts(nil)
	n, w := 0, 0
	for _, x := range texts {
		n += len(x)
		w += len(tokenize(nil, x))
	}
	t.Logf("%d texts %d bytes %d words", len(texts), n, w)
}

// tokenizeRef is the general path of tokenize alone.
func tokenizeRef(dst []token, text string) []token {
	t := tables()
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) && !isDigit(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start := i
		var b []byte
		upper := false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case isLetter(c):
					if i == start && c <= 'Z' {
						upper = true
					}
					b = append(b, c|0x20)
				case isDigit(c):
					b = append(b, c)
				case (c == '.' || c == ',') && i > start && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]):
					if c == '.' {
						b = append(b, c)
					}
				case c == '\'' && i > start && i+1 < len(text) && isLetter(text[i+1]):
					b = append(b, c)
				default:
					goto done
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if i == start && unicode.IsUpper(r) {
					upper = true
				}
				b = utf8.AppendRune(b, unicode.ToLower(r))
			case r == '’' && i > start && nextIsLetter(text, i+n):
				b = append(b, '\'')
			default:
				goto done
			}
			i += n
		}
	done:
		dst = append(dst, token{start: start, end: i, upper: upper})
		setWord(&dst[len(dst)-1], t, b)
	}
	_ = t
	return dst
}

func TestScratchTokenizeSame(t *testing.T) {
	texts := scratchTexts(nil)
	texts = append(texts, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123 don't Ünïcode 1,250.5 o’brien "+strings.Repeat("x", 100)+" "+strings.Repeat("Ab", 40)+"9")
	for _, x := range texts {
		if !reflect.DeepEqual(tokenize(nil, x), tokenizeRef(nil, x)) {
			t.Fatalf("differ on %q", x[:min(80, len(x))])
		}
	}
}

func FuzzScratchTokenize(f *testing.F) {
	f.Add("ABCDEFGH ijklmnopqrstuvwxyz[`@{ don't 1,250 o’brien " + strings.Repeat("x", 70))
	f.Fuzz(func(t *testing.T, s string) {
		if !reflect.DeepEqual(tokenize(nil, s), tokenizeRef(nil, s)) {
			t.Fatalf("differ on %q", s)
		}
	})
}
