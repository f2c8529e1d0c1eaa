-- The current classification of one document for one plan (`planwatch explain`). Parameters: doc_id, plan_id.
SELECT * FROM current_classifications WHERE doc_id = ? AND plan_id = ?;
