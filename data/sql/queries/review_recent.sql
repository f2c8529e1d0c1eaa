-- The latest review decisions in the warehouse ($1 = how many), newest first.
SELECT decision_id, doc_id, plan_id, action, activity, format, published_date, note, reviewer, decided_at, undoes,
       COALESCE(scope, 'story') AS scope
FROM review_decisions
ORDER BY decided_at DESC, decision_id DESC
LIMIT $1;
