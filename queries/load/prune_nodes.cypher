// Purpose: delete entities the store no longer has, with every relationship they still have.
// Parameters: $rows, a list of entity ids.
// Example: run by `ocgraph load --prune`.
UNWIND $rows AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS written
