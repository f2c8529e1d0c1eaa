-- Issue 20, the first half of migration 011 (document_texts): DuckDB refuses to drop a column of `documents`
-- while an index is on a column after it, and a DROP INDEX in the same transaction does not count; so the
-- story index (migration 009) is dropped here, in its own transaction, and 011 creates it again.
DROP INDEX IF EXISTS documents_story;
