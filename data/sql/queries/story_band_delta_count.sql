-- Rows in the delta of the candidate index (added since the last merge into the base).
SELECT count(*) FROM story_bands;
