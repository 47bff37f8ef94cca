package sqlitecache

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Pruned counts the rows Cache.Prune removed.
type Pruned struct {
	Sources, Observations int64
}

// Prune removes what the cache learned before the given time: source
// records checked before it, and link observations made before it. A
// pruned source is simply fetched again the next time an article cites
// it; pruned observations no longer count towards calling a link dead
// (see resolve.IsDead), so keep several times the days the dead rule
// needs, for example a year.
func (c *Cache) Prune(ctx context.Context, before time.Time) (Pruned, error) {
	var p Pruned
	t := timeToSQL(before)
	err := c.write(ctx, func(tx *sql.Tx) error {
		for _, step := range []struct {
			query string
			n     *int64
		}{
			{`DELETE FROM cache_sources WHERE checked_at IS NULL OR checked_at < ?`, &p.Sources},
			{`DELETE FROM cache_observations WHERE at < ?`, &p.Observations},
		} {
			res, err := tx.ExecContext(ctx, step.query, t)
			if err != nil {
				return err
			}
			if *step.n, err = res.RowsAffected(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Pruned{}, fmt.Errorf("sqlite cache: prune: %w", err)
	}
	return p, nil
}
