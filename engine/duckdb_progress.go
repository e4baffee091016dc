package engine

// DuckDB reports how far the query running on a connection is
// (duckdb_query_progress), but duckdb-go v2.10506.0 keeps the C connection
// in an unexported field of *duckdb.Conn: no function of the driver hands it
// out, and opening the connection through the bindings instead would mean
// running every query without the driver. So this file, and only this file,
// reads that field by reflection. When a driver upgrade renames the field or
// changes its type, connectionHandle finds nothing and a run shows no
// percentage; TestDriverExposesQueryProgress fails to say so.

import (
	"context"
	"database/sql"
	"reflect"
	"unsafe"

	"github.com/duckdb/duckdb-go/v2/mapping"
)

// queryProgress reads how far the query running on a connection is.
type queryProgress func() (percent float64)

// connectionProgress reads the progress of the queries of a database of one
// connection; nil when the driver does not let it be read. The database
// must keep that connection for its lifetime (SetMaxOpenConns(1), no
// connection lifetime: database/sql then closes it only with the database,
// since the driver never reports a bad connection), and the returned
// function must not be called once the database is closed.
func connectionProgress(ctx context.Context, db *sql.DB) queryProgress {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil
	}
	defer conn.Close()
	var handle mapping.Connection
	found := false
	conn.Raw(func(driverConn any) error {
		handle, found = connectionHandle(driverConn)
		return nil
	})
	if !found {
		return nil
	}
	return func() float64 {
		p := mapping.QueryProgress(handle)
		percent, _, _ := mapping.QueryProgressTypeMembers(&p)
		return percent
	}
}

// connectionHandle finds the C connection in the driver's connection: the
// field conn of a *duckdb.Conn, of type mapping.Connection.
func connectionHandle(driverConn any) (mapping.Connection, bool) {
	v := reflect.ValueOf(driverConn)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return mapping.Connection{}, false
	}
	field := v.Elem().FieldByName("conn")
	if !field.IsValid() || field.Type() != reflect.TypeFor[mapping.Connection]() {
		return mapping.Connection{}, false
	}
	handle := *(*mapping.Connection)(unsafe.Pointer(field.UnsafeAddr()))
	return handle, handle.Ptr != nil
}
