// Purpose: link each source document to the entities its evidence mentions (derived from the
//   relations' evidence; `dump` ignores these links and rebuilds evidence from the relations).
// Parameters: $rows, a list of {document, entity} ids.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH (d:Document:Entity {id: row.document})
MATCH (e:Entity {id: row.entity})
MERGE (d)-[m:MENTIONS]->(e)
RETURN count(m) AS written
