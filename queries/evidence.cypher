// Purpose: The evidence behind a fact: each sentence, its document and offsets, for every
//   relation between two entities (optionally of one predicate).
// Param subject (name): one end of the fact, by name or alias
// Param object (name): the other end, by name or alias
// Param predicate = "": only this predicate (e.g. member_of or MEMBER_OF); "" = every one
// Example: ocgraph query evidence --param subject="El Chapo" --param object="Sinaloa Cartel"
MATCH (s:Entity)-[r:{{types}}]-(o:Entity)
WHERE $subject IN s.search_names AND $object IN o.search_names
  AND ($predicate = '' OR type(r) = toUpper($predicate))
UNWIND range(0, coalesce(size(r.evidence_document), 0) - 1) AS i
OPTIONAL MATCH (d:Entity {id: r.evidence_document[i]})
RETURN startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object,
       r.evidence_sentence[i] AS sentence, r.evidence_document[i] AS document, d.name AS title,
       r.evidence_start[i] AS start, r.evidence_end[i] AS end, r.evidence_extractor[i] AS extractor,
       CASE WHEN r.evidence_confidence[i] < 0 THEN null ELSE r.evidence_confidence[i] END AS confidence
ORDER BY relation, subject, object, document, start
