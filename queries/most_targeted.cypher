// Purpose: The actors with the most sanctions and rewards against them (USD rewards summed).
// Param limit (int) = 10: how many actors
// Example: ocgraph query most_targeted --param limit=5
MATCH (t:Entity)-[r:SANCTIONED_BY|REWARD_OFFERED_BY]->(:Entity)
WITH t,
     sum(CASE type(r) WHEN 'SANCTIONED_BY' THEN 1 ELSE 0 END) AS sanctions,
     sum(CASE type(r) WHEN 'REWARD_OFFERED_BY' THEN 1 ELSE 0 END) AS rewards,
     sum(CASE WHEN type(r) = 'REWARD_OFFERED_BY' AND r.currency = 'USD' THEN r.amount ELSE 0 END) AS reward_usd
RETURN t.name AS actor, sanctions, rewards, sanctions + rewards AS total, reward_usd
ORDER BY total DESC, reward_usd DESC, actor
LIMIT $limit
