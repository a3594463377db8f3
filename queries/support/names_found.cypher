// Purpose: how many entities have each of the given folded names as a name or alias, so that a
//   named query with no rows can say when no actor matched its parameter.
// Parameters: $names, folded names (ocgraph.graph.ids.fold).
// Example: run by `ocgraph query` when a query returns no rows.
UNWIND $names AS name
OPTIONAL MATCH (n:Entity)
WHERE name IN n.search_names
RETURN name, count(n) AS entities
