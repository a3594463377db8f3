// Purpose: write one batch of entities of one type (MERGE on the unique Entity.id, so re-runs
//   update instead of duplicating; SET n = replaces every property, so stale ones go).
// Parameters: $rows, a list of {id, props}; {{label}} is the ontology label of the batch.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:{{label}}
RETURN count(n) AS written
