// Purpose: update in place the relations of one batch that are already in the database (SET r =
//   replaces every property, so stale ones go; the endpoints are part of the id and never change).
// Parameters: $rows, a list of {id, subject, object, props}; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH ()-[r:{{type}} {id: row.id}]->()
SET r = row.props
RETURN count(*) AS written
