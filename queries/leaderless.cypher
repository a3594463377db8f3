// Purpose: Criminal organizations with no current leader, with the former leaders on record.
// Parameters: none
// Example: ocgraph query leaderless
MATCH (o:CriminalOrganization)
WHERE NOT EXISTS {
  MATCH (:Entity)-[r:LEADER_OF]->(o)
  WHERE r.end IS NULL AND coalesce(r.status, 'current') <> 'former'
}
OPTIONAL MATCH (p:Entity)-[:LEADER_OF]->(o)
WITH o, p
ORDER BY p.name
WITH o, collect(p.name) AS former_leaders
RETURN o.name AS organization, former_leaders
ORDER BY organization
