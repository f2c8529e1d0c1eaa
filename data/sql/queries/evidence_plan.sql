-- The plan's heading facts and its activities ($1 = plan_id).
SELECT p.plan_id, p.number, p.title, p.issued_on, p.issuer, a.lead_unit, a.activity_id, a.content, a.form, a.timing,
       a.window_start, a.window_end
FROM plans p
JOIN activities a ON a.plan_id = p.plan_id
WHERE p.plan_id = $1
ORDER BY a.activity_id;
