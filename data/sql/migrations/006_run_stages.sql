-- Seconds and items per pipeline stage of every run (pipeline/stages.py): where a slow night's time went.
-- stage: discover | fetch | extract | classify | dedupe | store | publish; position orders them.
-- extract and classify are worker-process seconds summed over the pool (they can exceed the wall time).
-- publish is recorded once the snapshot is out, so it reaches the snapshot with the next run's publish.
CREATE TABLE run_stages (
    run_id   VARCHAR NOT NULL,
    stage    VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    seconds  DOUBLE NOT NULL,
    items    BIGINT NOT NULL,
    PRIMARY KEY (run_id, stage)
);
