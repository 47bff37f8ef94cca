package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// chromiumPath is where the Debian package chromium installs the browser.
const chromiumPath = "/usr/bin/chromium"

// chromium runs headless Chromium on the page file with args added
// (--dump-dom, --screenshot=…) and returns its standard output and error.
// The flags keep it off the network and away from the user's profile.
func chromium(t *testing.T, page string, width, height int, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--window-size=" + strconv.Itoa(width) + "," + strconv.Itoa(height)}
	all = append(append(all, args...), "file://"+page)
	cmd := exec.CommandContext(ctx, chromiumPath, all...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), "chromium: %s", errOut.String())
	return out.String(), errOut.String()
}

// TestHTMLReportInBrowser opens the page of the small article in headless
// Chromium at a desktop and a phone width, and reads back the DOM after the
// page's script has run: no script error and nothing the page's policy
// blocked (the script records both on <html>, and Chromium logs console
// errors on standard error), and every mark on screen, at the line and
// column its finding, claim, citation or reference gives, with as many
// bytes of text as its span. -update also rewrites the screenshots
// testdata/html/article.png and article-phone.png.
func TestHTMLReportInBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no Chromium at %s (apt-get install chromium): the browser test does not run", chromiumPath)
	}
	_, page := htmlReportOf(t, htmlArticle, "article.md")
	file := filepath.Join(t.TempDir(), "article.html")
	require.NoError(t, os.WriteFile(file, page, 0o644))
	for _, size := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 1000}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			dom, stderr := chromium(t, file+"#measure", size.width, size.height, "--dump-dom")
			for _, line := range strings.Split(stderr, "\n") {
				if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") || strings.Contains(line, "Refused to") {
					t.Errorf("console: %s", line)
				}
			}
			doc, marks := parsePageMarks(t, []byte(dom))
			var root map[string]string
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && n.Data == "html" {
					root = map[string]string{}
					for _, a := range n.Attr {
						root[a.Key] = a.Val
					}
					break
				}
			}
			require.Equal(t, "1", root["data-ready"], "the page's script did not finish: %s", root["data-errors"])
			assert.Empty(t, root["data-errors"], "script errors")
			require.NotEmpty(t, marks)
			for key, m := range marks {
				a := m.attrs
				assert.Equal(t, a["data-line"]+":"+a["data-col"], a["data-got"], "mark %s", key)
				start, _ := strconv.Atoi(a["data-start"])
				end, _ := strconv.Atoi(a["data-end"])
				assert.Equal(t, strconv.Itoa(end-start), a["data-got-len"], "mark %s", key)
				assert.Equal(t, "1", a["data-shown"], "mark %s is off screen or empty", key)
			}
			// focusing a citation shows its entry and the finding about it
			dom, _ = chromium(t, file+"#focus=m-c-c2", size.width, size.height, "--dump-dom")
			doc, err := html.Parse(strings.NewReader(dom))
			require.NoError(t, err)
			var panel string
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && n.Data == "aside" && attr(n, "id") == "panel" {
					require.Empty(t, attr(n, "hidden"), "the panel is hidden")
					panel = textOf(n)
				}
			}
			assert.Contains(t, panel, "Mander, B. A., Winer, J. R., & Walker, M. P. (2017)", "the linked entry")
			assert.Contains(t, panel, "citation-mismatch", "the finding")
			if *update {
				shot := strings.TrimSuffix(htmlArticle, ".md") + ".png"
				if size.name == "phone" {
					shot = strings.TrimSuffix(htmlArticle, ".md") + "-phone.png"
				}
				abs, err := filepath.Abs(shot)
				require.NoError(t, err)
				chromium(t, file+"#focus=m-c-c2", size.width, size.height, "--screenshot="+abs)
			}
		})
	}
}

// TestHTMLReportMarkupInBrowser opens the page of an HTML input with its
// markup hidden (#markup=hide, as the page's button does): the tags are
// gone from the screen, every claim, citation and finding is still on
// screen where its span says, and the toggle says it is pressed. -update
// rewrites the screenshot testdata/html/wikipedia-text.png.
func TestHTMLReportMarkupInBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no Chromium at %s (apt-get install chromium): the browser test does not run", chromiumPath)
	}
	_, page := htmlReportOf(t, "../../testdata/articles/wikipedia.html", "wikipedia.html")
	file := filepath.Join(t.TempDir(), "wikipedia.html")
	require.NoError(t, os.WriteFile(file, page, 0o644))
	dom, _ := chromium(t, file+"#markup=hide&measure", 1280, 1000, "--dump-dom")
	doc, marks := parsePageMarks(t, []byte(dom))
	require.NotEmpty(t, marks)
	for key, m := range marks {
		a := m.attrs
		assert.Equal(t, a["data-line"]+":"+a["data-col"], a["data-got"], "mark %s", key)
		assert.Equal(t, "1", a["data-shown"], "mark %s is hidden with the markup", key)
	}
	var source, toggle *html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && attr(n, "id") == "source" {
			source = n
		}
		if n.Type == html.ElementNode && attr(n, "id") == "markup-toggle" {
			toggle = n
		}
	}
	require.NotNil(t, source)
	require.NotNil(t, toggle)
	assert.Contains(t, attr(source, "class"), "hide-markup")
	assert.Equal(t, "true", attr(toggle, "aria-pressed"))
	if *update {
		abs, err := filepath.Abs("testdata/html/wikipedia-text.png")
		require.NoError(t, err)
		chromium(t, file+"#markup=hide", 1280, 1000, "--screenshot="+abs)
	}
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text n holds.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
