// Purpose: which relations of one batch are already in the database (the first step of writing a
//   batch of relations; the next two steps create the missing ones and update the others).
//   Found by their own id through the relationship-id constraint's index, never by expanding
//   the endpoints, which is slow on hubs with thousands of relationships.
// Parameters: $ids, the relation ids of the batch; {{type}} is the ontology type.
// Example: run by `ocgraph load`.
UNWIND $ids AS id
MATCH ()-[r:{{type}} {id: id}]->()
RETURN r.id AS id
