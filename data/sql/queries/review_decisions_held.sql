-- Which of some review decisions the warehouse or the published state holds (pipeline.journal.held_in): /*IDS*/,
-- their quoted ids (pipeline.keyfetch.literal_list). review_decision_ids.sql reads every id instead.
SELECT decision_id FROM review_decisions WHERE decision_id IN (/*IDS*/);
