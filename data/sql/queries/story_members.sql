-- Every document of a story. /*ID*/: one quoted story id (pipeline.story_store.str_list; a bound parameter
-- makes the Python client try to import pandas on every call).
SELECT doc_id FROM documents WHERE COALESCE(story_id, 's-' || doc_id) = /*ID*/ ORDER BY doc_id;
