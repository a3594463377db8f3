// Purpose: link each source document to the entities its evidence mentions (derived from the
//   relations' evidence; `dump` ignores these links and rebuilds evidence from the relations).
//   One row per document: its present links are read once and only the missing ones created,
//   so a re-run adds nothing (a MERGE per link would walk the document's links once per link).
// Parameters: $rows, a list of {document, entities}: a document id and the entity ids it mentions.
// Example: run by `ocgraph load`.
UNWIND $rows AS row
MATCH (d:Document:Entity {id: row.document})
WITH d, row, COLLECT { MATCH (d)-[:MENTIONS]->(e:Entity) RETURN e.id } AS have
CALL {
  WITH d, row, have
  UNWIND [x IN row.entities WHERE NOT x IN have] AS eid
  MATCH (e:Entity {id: eid})
  CREATE (d)-[:MENTIONS]->(e)
  RETURN count(*) AS created
}
RETURN sum(created + size([x IN row.entities WHERE x IN have])) AS written
