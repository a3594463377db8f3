// Purpose: The rivals and allies of an actor (person or criminal group), either direction.
// Param actor (name): the actor, by name or alias
// Example: ocgraph query rivals_allies --param actor="Los Chapitos"
MATCH (a:Entity)
WHERE $actor IN a.search_names
MATCH (a)-[r:RIVAL_OF|ALLIED_WITH]-(b:Entity)
RETURN a.name AS actor, CASE type(r) WHEN 'RIVAL_OF' THEN 'rival' ELSE 'ally' END AS stance,
       b.name AS other, r.status AS status, r.start AS start, r.end AS end
ORDER BY actor, stance, other
