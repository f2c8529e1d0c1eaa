-- Rows in the delta of the story index (added since the last merge into the base): band rows, paragraph rows.
SELECT (SELECT count(*) FROM story_bands), (SELECT count(*) FROM paragraph_docs);
