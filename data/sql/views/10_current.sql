-- The current state behind every count: newest classification and live human decision per (doc, plan).

CREATE OR REPLACE VIEW current_classifications AS
SELECT * EXCLUDE (rn) FROM (
    SELECT c.*, row_number() OVER (
        PARTITION BY doc_id, plan_id ORDER BY classified_at DESC, classifier_version DESC) AS rn
    FROM classifications c
) WHERE rn = 1;

-- A decision is live unless an 'undo' names it.
CREATE OR REPLACE VIEW live_review_decisions AS
SELECT d.* REPLACE (COALESCE(d.scope, 'story') AS scope)
FROM review_decisions d
WHERE d.action <> 'undo'
  AND d.decision_id NOT IN (
      SELECT undoes FROM review_decisions WHERE action = 'undo' AND undoes IS NOT NULL);

-- The decisions that reach each document: its own, and every story-wide decision (scope 'story', the default)
-- taken on any copy of its story (documents.story_id, or the document itself). The newest live one per
-- (doc, plan) wins, so a decision on a story applies to every copy, and a later decision on one copy
-- (scope 'copy') overrides it for that copy only. A corrected date stays with the copy it was made on.
-- decided_doc_id: the copy the reviewer decided on; scope: 'story' or 'copy'.
CREATE OR REPLACE VIEW human_decisions AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.doc_id, l.plan_id, l.decision_id, l.action, l.activity, l.format,
           CASE WHEN l.doc_id = r.doc_id THEN l.published_date END AS published_date,
           l.note, l.reviewer, l.decided_at, l.undoes, l.scope, l.doc_id AS decided_doc_id,
           row_number() OVER (
               PARTITION BY r.doc_id, l.plan_id ORDER BY l.decided_at DESC, l.decision_id DESC) AS rn
    FROM live_review_decisions l
    JOIN documents o ON o.doc_id = l.doc_id
    JOIN documents r ON COALESCE(r.story_id, r.doc_id) = COALESCE(o.story_id, o.doc_id)
    WHERE l.scope = 'story' OR r.doc_id = l.doc_id
) WHERE rn = 1;
