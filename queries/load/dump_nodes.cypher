// Purpose: read every entity back, in id order, for `ocgraph dump`.
// Parameters: none.
// Example: run by `ocgraph dump`.
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
