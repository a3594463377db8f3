// Purpose: Members of an organization, with their roles (leaders count as members too).
// Param org (name): the organization, by name or alias (case- and accent-insensitive)
// Example: ocgraph query members --param org="sinaloa cartel"
MATCH (o:Entity)
WHERE $org IN o.search_names
MATCH (p:Entity)-[r:MEMBER_OF|LEADER_OF]->(o)
RETURN o.name AS organization, p.name AS member, type(r) AS relation, r.role AS role,
       r.status AS status, r.start AS start, r.end AS end
ORDER BY organization, member, relation
