// Purpose: count entities per label and relations per type (compare with `ocgraph stats`).
// Parameters: $types, the ontology's relationship types.
// Example: run by Neo4jWriter.counts().
MATCH (n:Entity)
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN 'label' AS kind, label AS name, count(*) AS n
UNION ALL
MATCH ()-[r]->()
WHERE type(r) IN $types
RETURN 'type' AS kind, type(r) AS name, count(*) AS n
