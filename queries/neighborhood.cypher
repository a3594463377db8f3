// Purpose: Everything within N hops of an actor (any direction, documents excluded), nearest first.
// Param actor (name): the actor, by name or alias
// Param hops (int 1..5) = 2: how many hops
// Example: ocgraph query neighborhood --param actor="El Mayo" --param hops=1
MATCH (a:Entity)
WHERE $actor IN a.search_names
MATCH p = (a)-[:{{types}}*1..5]-(b:Entity)
WHERE length(p) <= $hops AND b <> a
WITH a, b, min(length(p)) AS distance
RETURN a.name AS actor, b.name AS neighbour, [l IN labels(b) WHERE l <> 'Entity'][0] AS type, distance
ORDER BY actor, distance, neighbour
