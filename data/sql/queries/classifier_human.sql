-- The live human decision on one document for one plan (`planwatch explain`). Parameters: doc_id, plan_id.
SELECT * FROM human_decisions WHERE doc_id = ? AND plan_id = ?;
