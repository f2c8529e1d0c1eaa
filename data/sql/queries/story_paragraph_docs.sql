-- Documents in the delta of the story index carrying any paragraph of the table story_probe (story_probe_fill.sql):
-- the documents whose boilerplate changed with a batch, evaluated again (pipeline.stories).
SELECT DISTINCT p.doc_id
FROM paragraph_docs p
JOIN story_probe x ON x.band_key = p.para_hash;
