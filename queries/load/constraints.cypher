// Purpose: uniqueness constraints the loader creates before writing anything.
// Parameters: none. One statement per `;`. {{type}} is replaced, per ontology relationship type,
//   by the type (checked against the ontology); statements without it run once.
// Example: run by `ocgraph load` and Neo4jWriter.ensure_constraints().
CREATE CONSTRAINT ocgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ocgraph_rel_id_{{type}} IF NOT EXISTS FOR ()-[r:{{type}}]-() REQUIRE r.id IS UNIQUE;
