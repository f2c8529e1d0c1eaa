-- How many documents the snapshot holds (pipeline.reclassify's summary).
SELECT count(*) FROM documents;
