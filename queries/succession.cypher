// Purpose: Succession chains (leaders, groups or policies) that pass through an entity, whole
//   chains from first to last.
// Param name (name): a person, group or policy in the chain, by name or alias
// Example: ocgraph query succession --param name="Merida Initiative"
MATCH (x:Entity)
WHERE $name IN x.search_names
MATCH p = (first:Entity)-[:SUCCEEDED_BY*1..50]->(last:Entity)
WHERE x IN nodes(p) AND NOT (:Entity)-[:SUCCEEDED_BY]->(first) AND NOT (last)-[:SUCCEEDED_BY]->(:Entity)
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | coalesce(r.date, r.start)] AS dates,
       length(p) AS steps
ORDER BY chain
