// Purpose: Who sanctioned or put a reward on whom, with amounts and programs.
// Param actor (name) = "": limit to rows where this actor is the target or the authority ("" = all)
// Example: ocgraph query sanctions_rewards --param actor="United States"
MATCH (t:Entity)-[r:SANCTIONED_BY|REWARD_OFFERED_BY]->(a:Entity)
WHERE $actor = '' OR $actor IN t.search_names OR $actor IN a.search_names
RETURN t.name AS target, CASE type(r) WHEN 'SANCTIONED_BY' THEN 'sanction' ELSE 'reward' END AS action,
       a.name AS authority, r.amount AS amount, r.currency AS currency, r.amount_scope AS scope,
       coalesce(r.program, []) AS programs, r.date AS date
ORDER BY target, action, authority
