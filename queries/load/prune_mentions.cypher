// Purpose: delete the MENTIONS links of each document that its evidence no longer names.
// Parameters: $rows, a list of {document, entities}: every document of the store and the entity
//   ids its evidence names (none for a document no relation cites any more).
// Example: run by `ocgraph load --prune`.
UNWIND $rows AS row
MATCH (d:Document:Entity {id: row.document})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN row.entities
DELETE m
RETURN count(*) AS written
