-- Boilerplate among the paragraphs in /*HASHES*/ (integers, pipeline.story_store.int_list): the rule of
-- pipeline.boilerplate. $1 = WINDOW_DAYS, $2 = SPREAD_PERIODS, $3 = OUTLET_DOCS,
-- $4 = OUTLET_PERIODS.
WITH occ AS (
    SELECT para_hash, source_id, doc_id,
           (published_date - DATE '2000-01-01') // $1::INTEGER AS period
    FROM paragraph_docs
    WHERE para_hash IN (/*HASHES*/)
),
spread AS (
    SELECT para_hash FROM occ GROUP BY para_hash HAVING count(DISTINCT period) >= $2::INTEGER
),
outlet AS (
    SELECT para_hash FROM occ GROUP BY para_hash, source_id
    HAVING count(DISTINCT doc_id) >= $3::INTEGER AND count(DISTINCT period) >= $4::INTEGER
)
SELECT para_hash FROM spread
UNION
SELECT para_hash FROM outlet;
