// Purpose: how many relationships of one type the database holds (read from Neo4j's count store,
//   so it costs the same for none or a million). None means a load can create every relation of
//   the type without looking its id up first.
// Parameters: none; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
MATCH ()-[r:{{type}}]->()
RETURN count(r) AS n
