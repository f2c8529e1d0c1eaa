-- The current state behind every count: newest classification and live human decision per (doc, plan).

CREATE OR REPLACE VIEW current_classifications AS
SELECT * EXCLUDE (rn) FROM (
    SELECT c.*, row_number() OVER (
        PARTITION BY doc_id, plan_id ORDER BY classified_at DESC, classifier_version DESC) AS rn
    FROM classifications c
) WHERE rn = 1;

-- A decision is live unless an 'undo' names it; the newest live one per (doc, plan) wins.
CREATE OR REPLACE VIEW human_decisions AS
SELECT * EXCLUDE (rn) FROM (
    SELECT d.*, row_number() OVER (
        PARTITION BY doc_id, plan_id ORDER BY decided_at DESC, decision_id DESC) AS rn
    FROM review_decisions d
    WHERE d.action <> 'undo'
      AND d.decision_id NOT IN (
          SELECT undoes FROM review_decisions WHERE action = 'undo' AND undoes IS NOT NULL)
) WHERE rn = 1;
