// Purpose: Leaders of an organization, past and present (current = no end date and not 'former').
// Param org (name): the organization, by name or alias
// Example: ocgraph query leaders --param org="Sinaloa Cartel"
MATCH (o:Entity)
WHERE $org IN o.search_names
MATCH (p:Entity)-[r:LEADER_OF]->(o)
RETURN o.name AS organization, p.name AS leader, r.role AS role, r.status AS status,
       r.start AS start, r.end AS end,
       (r.end IS NULL AND coalesce(r.status, 'current') <> 'former') AS current
ORDER BY organization, current DESC, leader
