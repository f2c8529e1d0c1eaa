-- Every document of a story. /*ID*/: one quoted story id; /*REP*/: its representative's quoted doc id, or NULL
-- when the story is named otherwise (pipeline.story_store.str_list; a bound parameter makes the Python client
-- try to import pandas on every call). The same documents as COALESCE(story_id, 's-' || doc_id) = /*ID*/, but
-- a plain equality scan of story_id and a primary-key lookup, not an expression over every row (40 ms against
-- 2 ms at a million documents, measured).
SELECT doc_id FROM documents WHERE story_id = /*ID*/
UNION
SELECT doc_id FROM documents WHERE doc_id = /*REP*/ AND story_id IS NULL
ORDER BY doc_id;
