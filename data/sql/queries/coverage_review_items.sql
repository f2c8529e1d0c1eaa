-- The review items of the rows in `matches` ({items}, {matches}: catalog-qualified names): what the
-- coverage file keeps so that `review decide` resolves a counted, pending or decided item there.
SELECT r.* FROM {items} r
WHERE EXISTS (SELECT 1 FROM {matches} m WHERE m.doc_id = r.doc_id AND m.plan_id = r.plan_id)
