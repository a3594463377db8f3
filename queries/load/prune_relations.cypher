// Purpose: delete relations of one type that the store no longer has.
// Parameters: $rows, a list of relation ids; {{type}} is the ontology type.
// Example: run by `ocgraph load --prune`.
UNWIND $rows AS id
MATCH ()-[r:{{type}} {id: id}]->()
DELETE r
RETURN count(*) AS written
