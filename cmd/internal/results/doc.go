// Package results holds the rows of a results database as Go values, for
// the commands that write them elsewhere than SQLite: `citecheck export`
// writes the tables of a database as Parquet files, and the Beam pipeline
// (cmd/citecheck-beam) writes the rows of the articles it checks as Parquet
// and computes `citecheck report`'s aggregates with combiners.
//
// The row types have the columns of the SQLite tables of citecheck.Store
// (articles, findings, claims, citations), in the same order, with the
// same names and values: FromResult builds them from a
// citecheck.BatchResult as Store.Save writes them. Stats and Report add
// articles up the way citecheck.ReportResults does in SQL, so that a report
// computed piecewise, in any order, equals the database's.
//
// It lives under cmd/ because it serves the commands only; the library's
// API stays citecheck.Store and citecheck.ReportResults.
package results
