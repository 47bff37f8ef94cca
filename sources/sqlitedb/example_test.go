package sqlitedb_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// ExampleMigrate sets up a connection, creates a schema in two steps, and
// opens it again, which applies nothing.
func ExampleMigrate() {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", "file:example?mode=memory&cache=shared")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	if err := sqlitedb.SetPragmas(ctx, conn, 5*time.Second); err != nil {
		log.Fatal(err)
	}
	mode, err := sqlitedb.EnableWAL(ctx, conn)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("journal:", mode)

	steps := []sqlitedb.Migration{
		sqlitedb.SQL(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`),
		sqlitedb.SQL(`ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''`),
	}
	for range 2 {
		applied, err := sqlitedb.Migrate(ctx, conn, "notes_schema", steps)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("applied:", applied)
	}
	// Output:
	// journal: memory
	// applied: 2
	// applied: 0
}
