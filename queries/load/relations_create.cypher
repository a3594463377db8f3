// Purpose: create the relations of one batch that are not in the database yet, between entities
//   already loaded (endpoints found through the Entity.id constraint). A row whose endpoint is
//   missing is not written, and the loader reports it.
// Parameters: $rows, a list of {id, subject, object, props}; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (s)-[r:{{type}}]->(o)
SET r = row.props
RETURN count(*) AS written
