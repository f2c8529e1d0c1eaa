-- Planned vs actual per (plan, activity, format) as of a date. Counting rules (docs/counting.md):
-- confirmed only; publication date inside the activity window (and not after as_of); format matches;
-- one story (syndicated copies) counts once; pending items are shown, never counted.
-- Status: not_started before the window; done once actual >= planned; missed after the window;
-- otherwise against expected = planned x share of the window elapsed: behind when actual < floor(expected),
-- ahead when actual > ceil(expected), on_track in between.

-- "today" for the views is the date in Vietnam (as pipeline.report.today_vn), not current_date in the session's
-- time zone.
CREATE OR REPLACE MACRO today_vn() AS CAST(timezone('Asia/Ho_Chi_Minh', now()) AS DATE);

-- The share of an activity's window elapsed as of a date (0..1), and the status of a target from it
-- (the rules above); also used by the coverage file's pre-aggregated report (coverage_report_final.sql).
CREATE OR REPLACE MACRO coverage_share(as_of, window_start, window_end) AS
    GREATEST(0.0, LEAST(1.0,
        (date_diff('day', window_start, CAST(as_of AS DATE)) + 1)
        / (date_diff('day', window_start, window_end) + 1.0)));

CREATE OR REPLACE MACRO coverage_status(as_of, window_start, window_end, planned, actual, share_elapsed) AS
    CASE
        WHEN CAST(as_of AS DATE) < window_start THEN 'not_started'
        WHEN actual >= planned THEN 'done'
        WHEN CAST(as_of AS DATE) > window_end THEN 'missed'
        WHEN actual < floor(planned * share_elapsed) THEN 'behind'
        WHEN actual > ceil(planned * share_elapsed) THEN 'ahead'
        ELSE 'on_track'
    END;

-- The copies that count as of a date, one tagging per story: when copies of one story carry different
-- activities or formats, the story counts once, under the tagging of (in order) the latest reviewer
-- decision, the highest classifier score, the earliest copy. Every copy of that story adds to its reach.
CREATE OR REPLACE MACRO counted_copies_as_of(as_of) AS TABLE
WITH eligible AS (
    SELECT * FROM matches
    WHERE status = 'confirmed' AND in_window AND published_date <= as_of
),
ranked AS (
    SELECT plan_id, story_id, activity, format,
           row_number() OVER (
               PARTITION BY plan_id, story_id
               ORDER BY (decided_by LIKE 'reviewer:%') DESC, decided_at DESC NULLS LAST, score DESC,
                        published_date, doc_id) AS story_rank
    FROM eligible
)
SELECT e.* EXCLUDE (activity, format), c.activity, c.format, e.activity AS copy_activity
FROM eligible e
JOIN ranked c ON c.plan_id = e.plan_id AND c.story_id = e.story_id AND c.story_rank = 1;

CREATE OR REPLACE MACRO coverage_as_of(as_of) AS TABLE
WITH counted_rows AS (
    SELECT * FROM counted_copies_as_of(as_of)
),
counted AS (
    SELECT plan_id, activity, format, COUNT(DISTINCT story_id) AS actual,
           COUNT(DISTINCT doc_id) AS documents,
           COUNT(DISTINCT source_id) AS outlets
    FROM counted_rows
    GROUP BY ALL
),
pending AS (
    SELECT m.plan_id, m.activity, m.format, COUNT(DISTINCT m.story_id) AS pending_review
    FROM matches m
    WHERE m.status = 'pending'
      AND (m.published_date IS NULL OR (m.in_window AND m.published_date <= as_of))
      -- a pending copy of a story that already counts is not pending work for the count
      AND NOT EXISTS (SELECT 1 FROM counted_rows s WHERE s.plan_id = m.plan_id AND s.story_id = m.story_id)
    GROUP BY ALL
),
base AS (
    SELECT p.plan_id, p.activity_id AS activity, p.format, p.planned,
           COALESCE(c.actual, 0) AS actual,
           COALESCE(c.documents, 0) AS documents,
           COALESCE(c.outlets, 0) AS outlets,
           COALESCE(pe.pending_review, 0) AS pending_review,
           a.window_start, a.window_end, a.timing,
           CAST(as_of AS DATE) AS as_of,
           coverage_share(as_of, a.window_start, a.window_end) AS share_elapsed
    FROM planned_counts p
    JOIN activities a USING (plan_id, activity_id)
    LEFT JOIN counted c ON c.plan_id = p.plan_id AND c.activity = p.activity_id AND c.format = p.format
    LEFT JOIN pending pe ON pe.plan_id = p.plan_id AND pe.activity = p.activity_id AND pe.format = p.format
)
SELECT *,
       round(planned * share_elapsed, 2) AS expected_by_now,
       coverage_status(as_of, window_start, window_end, planned, actual, share_elapsed) AS status
FROM base
ORDER BY plan_id, activity, format;

CREATE OR REPLACE VIEW coverage AS
SELECT c.*, s.label_vi AS status_vi
FROM coverage_as_of(today_vn()) c
LEFT JOIN status_labels s ON s.status = c.status;

-- The counted stories behind each number of `coverage` (as of today), with every outlet that carried them (reach).
CREATE OR REPLACE VIEW coverage_items AS
SELECT plan_id, activity, format, story_id,
       min(published_date) AS first_published,
       arg_min(title, published_date) AS title,
       arg_min(url, published_date) AS url,
       list(DISTINCT source_id ORDER BY source_id) AS outlets,
       COUNT(*) AS copies
FROM counted_copies_as_of(today_vn())
GROUP BY plan_id, activity, format, story_id;
