-- The stored calls of every document (pipeline.nightly.reprocess, pipeline.reuse.reusable_calls): a reprocess keeps
-- a document's classification rows when its classifier inputs and the run's derivation are unchanged.
SELECT doc_id, plan_id, classifier_version, decision
FROM classifications
