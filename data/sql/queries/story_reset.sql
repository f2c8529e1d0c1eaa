-- Empty the story index before a full rebuild (pipeline.story_store.rebuild).
DELETE FROM story_bands;
DELETE FROM story_band_files;
DELETE FROM story_bands_dropped;
DELETE FROM paragraph_docs;
DELETE FROM doc_signatures;
DELETE FROM stories;
UPDATE documents SET story_id = NULL;
