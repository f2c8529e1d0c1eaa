-- The outlets of the delta's paragraph rows (the next base numbers the ones it does not know yet).
SELECT DISTINCT source_id FROM paragraph_docs ORDER BY source_id;
