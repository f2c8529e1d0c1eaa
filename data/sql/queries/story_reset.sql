-- Empty the story index before a full rebuild (pipeline.story_store.rebuild).
DELETE FROM story_bands;
DELETE FROM story_band_files;
DELETE FROM story_bands_dropped;
DELETE FROM paragraph_docs;
DELETE FROM doc_signatures;
DELETE FROM stories;
UPDATE documents SET story_id = NULL,
    story_key = CAST(md5_number_lower(doc_id) & 4294967295 AS UINTEGER);  -- (its key: migration 016)
