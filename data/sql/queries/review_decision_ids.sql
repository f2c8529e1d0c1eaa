-- Ids of the review decisions the snapshot already holds (the rest of the journal is overlaid).
SELECT decision_id FROM review_decisions;
