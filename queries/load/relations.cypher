// Purpose: write one batch of relations of one type between entities already loaded; endpoints
//   are found through the Entity.id constraint. An existing relation is found by its own id
//   through the relationship-id constraint's index (not by expanding the endpoints, which is
//   slow on hubs with thousands of relationships); it is updated in place, a missing one created.
// Parameters: $rows, a list of {id, subject, object, props}; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
OPTIONAL MATCH ()-[old:{{type}} {id: row.id}]->()
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END | CREATE (s)-[r:{{type}}]->(o) SET r = row.props)
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END | SET old = row.props)
RETURN count(*) AS written
