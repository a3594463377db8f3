// Purpose: The shortest path between two actors over the ontology's relationships (any direction).
// Param source (name): the first actor, by name or alias
// Param target (name): the second actor, by name or alias
// Example: ocgraph query shortest_path --param source="El Mencho" --param target="Ovidio Guzman Lopez"
MATCH (a:Entity)
WHERE $source IN a.search_names
MATCH (b:Entity)
WHERE $target IN b.search_names AND a <> b
MATCH p = shortestPath((a)-[:{{types}}*..15]-(b))
RETURN a.name AS source, b.name AS target, length(p) AS hops,
       [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relations
ORDER BY hops, source, target
