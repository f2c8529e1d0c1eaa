-- Every reviewable copy (any status) of the stories listed in place of the marker (their ids as SQL string
-- constants: pipeline.keyfetch.literal_list), for the queue's story items. Constants, not
-- list_contains($1::VARCHAR[], story_id): that compares every row with every id of the list, 102 s of CPU for
-- `review list` at a million documents (89,252 stories); DuckDB turns a list of constants into a hash lookup
-- at the documents' scan (10 s). A semi join with the ids ran out of memory there (the view's joins then
-- carry every row).
SELECT * EXCLUDE (evidence, activity_scores)
FROM review_items
WHERE story_id IN (/*IDS*/);
