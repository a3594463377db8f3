// Purpose: The faction and splinter tree under an organization (any depth), with each path.
// Param org (name): the root organization, by name or alias
// Example: ocgraph query faction_tree --param org="Sinaloa Cartel"
MATCH (o:Entity)
WHERE $org IN o.search_names
MATCH p = (g:Entity)-[:FACTION_OF|SPLINTER_OF*1..20]->(o)
RETURN o.name AS root, g.name AS group, length(p) AS depth,
       [r IN relationships(p) | type(r)] AS links, [n IN nodes(p) | n.name] AS path
ORDER BY root, depth, group, path
