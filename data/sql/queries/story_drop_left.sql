-- Drop the `stories` rows of stories that stored documents left (a document published earlier joined their
-- representative to another story, or re-extraction moved them) and that no document is in any more: without it
-- a crawl kept an orphan row per such story, as many as its chunks' arrival order made (pipeline.story_store).
-- /*LEFT*/: the quoted ids of those stories (pipeline.stories.Assignment.left; none is a story of the batch), or a
-- SELECT of them when many. Registered table _batch(doc_id): the batch's documents, whose stored rows still name
-- their old story (the caller writes them afterwards with the story they are in now).
DELETE FROM stories WHERE story_id IN (/*LEFT*/) AND story_id NOT IN (
    SELECT story_id FROM documents
    WHERE story_id IN (/*LEFT*/) AND doc_id NOT IN (SELECT doc_id FROM _batch))
RETURNING story_id;
