-- The plan's identity for the digest header and subject ($1 = plan_id).
SELECT plan_id, number, title
FROM plans
WHERE plan_id = $1;
