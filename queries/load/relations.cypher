// Purpose: write one batch of relations of one type between entities already loaded; endpoints
//   are found through the Entity.id constraint, the relation is merged on its own id.
// Parameters: $rows, a list of {id, subject, object, props}; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:{{type}} {id: row.id}]->(o)
SET r = row.props
RETURN count(r) AS written
