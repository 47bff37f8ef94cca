package results

import (
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
)

// parquetBatch is how many rows WriteParquet hands the writer at once.
const parquetBatch = 1024

// WriteParquet writes the rows next yields to w as one Parquet file
// (zstd-compressed columns named as the SQLite table's), and returns
// how many it wrote. next returns false when there are no more rows, or
// an error that stops the writing.
func WriteParquet[T any](w io.Writer, next func() (T, bool, error)) (n int64, err error) {
	pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd))
	buf := make([]T, 0, parquetBatch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := pw.Write(buf); err != nil {
			return fmt.Errorf("write parquet: %w", err)
		}
		n += int64(len(buf))
		clear(buf)
		buf = buf[:0]
		return nil
	}
	for {
		row, ok, err := next()
		if err != nil {
			_ = pw.Close()
			return n, err
		}
		if !ok {
			break
		}
		if buf = append(buf, row); len(buf) == cap(buf) {
			if err := flush(); err != nil {
				_ = pw.Close()
				return n, err
			}
		}
	}
	if err := flush(); err != nil {
		_ = pw.Close()
		return n, err
	}
	if err := pw.Close(); err != nil {
		return n, fmt.Errorf("write parquet: %w", err)
	}
	return n, nil
}
