package sqlitecache

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/cachetest"
)

// TestPackText checks that text comes back as it went in, cut to
// resolve.MaxSourceText bytes on a rune boundary, and smaller than it was.
func TestPackText(t *testing.T) {
	long := strings.Repeat("Le taux a baissé de 14 % en mai. ", resolve.MaxSourceText/30)
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"short", "Unemployment fell to 3.9% in May.", "Unemployment fell to 3.9% in May."},
		{"over the bound", long, clip(long, resolve.MaxSourceText)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			packed, err := packText(tt.in)
			require.NoError(t, err)
			if tt.in == "" {
				assert.Nil(t, packed)
			}
			got, err := unpackText(packed)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), resolve.MaxSourceText)
		})
	}
	packed, err := packText(long)
	require.NoError(t, err)
	assert.Less(t, len(packed), len(long)/10, "repetitive text compresses")
}

// TestUnpackTextCorrupt checks that a column that is not DEFLATE data is an
// ErrCorruptText, not a panic, and that GetSource reports it.
func TestUnpackTextCorrupt(t *testing.T) {
	_, err := unpackText([]byte("not deflate at all \xff\xfe"))
	require.ErrorIs(t, err, ErrCorruptText)

	ctx := t.Context()
	c := newFileCache(t, cachetest.NewClock(t0))
	require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "k",
		Source: resolve.Source{Status: resolve.StatusOK, Text: "t"}, ExpiresAt: t0.Add(time.Hour)}))
	_, err = c.db.ExecContext(ctx, `UPDATE cache_sources SET text = x'ffffffff' WHERE key = 'k'`)
	require.NoError(t, err)
	_, _, err = c.GetSource(ctx, "k")
	assert.ErrorIs(t, err, ErrCorruptText)
}

// TestOldRowsWithoutText checks that a row written by a version-1 cache,
// before the column text, still loads after migrating, with no text.
func TestOldRowsWithoutText(t *testing.T) {
	ctx := t.Context()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	_, err := db.ExecContext(ctx, schemaV1)
	require.NoError(t, err)
	src := resolve.Source{Status: resolve.StatusOK, Title: "Old", CheckedAt: t0}
	raw, err := json.Marshal(src)
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, `INSERT INTO cache_sources VALUES ('example.com/a', 'ok', '', 'Old', '[]', '', '', '', '', ?, ?, ?)`,
		timeToSQL(t0), timeToSQL(t0.Add(time.Hour)), raw)
	require.NoError(t, err)
	c, err := New(ctx, db)
	require.NoError(t, err)
	got, ok, err := c.GetSource(ctx, "example.com/a")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "Old", got.Source.Title)
	assert.Empty(t, got.Source.Text)
}
