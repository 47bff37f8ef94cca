package citecheck

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// TEMPORARY until the sqlitedb merge
func enableWALTemp(ctx context.Context, conn *sql.Conn) (string, error) {
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return "", err
	}
	if strings.EqualFold(mode, "wal") {
		return mode, nil
	}
	const pause = 50 * time.Millisecond
	for tries := 5000 / pause.Milliseconds(); ; tries-- {
		err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil || tries <= 0 || !isSQLiteBusy(err) {
			return mode, err
		}
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return "", ctx.Err()
		case <-timer.C:
		}
	}
}
func isSQLiteBusy(err error) bool {
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "is busy") ||
		strings.Contains(msg, "table is locked")
}
