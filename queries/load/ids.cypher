// Purpose: the id of every ocgraph node and relationship in the database, with its relationship
//   type (null for a node), so `ocgraph load --prune` can find what the store no longer has.
// Parameters: $types, the ontology's relationship types.
// Example: run by `ocgraph load --prune`.
MATCH (n:Entity)
RETURN n.id AS id, null AS type
UNION ALL
MATCH ()-[r]->()
WHERE type(r) IN $types
RETURN r.id AS id, type(r) AS type
