-- Decisions already in the warehouse for the documents in $1 (VARCHAR[]), oldest first.
SELECT decision_id, doc_id, plan_id, action, activity, format, published_date, note, reviewer, decided_at, undoes,
       COALESCE(scope, 'story') AS scope
FROM review_decisions
WHERE list_contains($1::VARCHAR[], doc_id)
ORDER BY decided_at, decision_id;
