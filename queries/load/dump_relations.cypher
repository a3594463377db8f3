// Purpose: read every relation of the ontology's types back, in id order, for `ocgraph dump`.
// Parameters: $types, the ontology's relationship types.
// Example: run by `ocgraph dump`.
MATCH (s:Entity)-[r]->(o:Entity)
WHERE type(r) IN $types
RETURN r.id AS id, s.id AS subject, type(r) AS type, o.id AS object, properties(r) AS props
ORDER BY id
