-- Core warehouse schema. Applied once by pipeline.store.migrate(); recorded in schema_migrations.

CREATE TABLE plans (
    plan_id      VARCHAR PRIMARY KEY,
    number       VARCHAR NOT NULL,
    title        VARCHAR NOT NULL,
    issued_on    DATE NOT NULL,
    issuer       VARCHAR NOT NULL,
    signer       VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    loaded_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE activities (
    plan_id            VARCHAR NOT NULL,
    activity_id        VARCHAR NOT NULL,
    line               VARCHAR NOT NULL,
    content            VARCHAR NOT NULL,
    form               VARCHAR NOT NULL,
    timing             VARCHAR,
    window_start       DATE NOT NULL,
    window_end         DATE NOT NULL,
    lead_unit          VARCHAR NOT NULL,
    coordinating_units VARCHAR,
    PRIMARY KEY (plan_id, activity_id)
);

CREATE TABLE planned_counts (
    plan_id     VARCHAR NOT NULL,
    activity_id VARCHAR NOT NULL,
    format      VARCHAR NOT NULL,          -- article | report
    planned     INTEGER NOT NULL,
    PRIMARY KEY (plan_id, activity_id, format)
);

CREATE TABLE plan_channels (
    plan_id    VARCHAR NOT NULL,
    channel_id VARCHAR NOT NULL,
    tier       VARCHAR NOT NULL,           -- main | other
    name       VARCHAR NOT NULL,
    source_ids VARCHAR[],
    kinds      VARCHAR[],
    PRIMARY KEY (plan_id, channel_id)
);

CREATE TABLE sources (
    source_id           VARCHAR PRIMARY KEY,
    name                VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,  -- portal | newspaper | tv | radio | fanpage | department
    scope               VARCHAR NOT NULL,  -- central | provincial
    province_historical VARCHAR,           -- the province as it was when the plan ran (pre-2025 merger)
    province_current    VARCHAR,           -- the province after Nghị quyết 202/2025/QH15
    homepage            VARCHAR NOT NULL,
    config_json         VARCHAR,           -- the whole registry entry, as loaded
    updated_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE crawl_runs (
    run_id       VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL,         -- nightly | backfill | manual | reprocess | demo
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    status       VARCHAR NOT NULL,         -- running | ok | partial | failed
    since        DATE,
    until        DATE,
    summary_json VARCHAR
);

-- One row per HTTP fetch. fetch_id is deterministic (run, url, attempt) so a reload is idempotent.
CREATE TABLE fetch_log (
    fetch_id     VARCHAR PRIMARY KEY,
    run_id       VARCHAR NOT NULL,
    source_id    VARCHAR,
    url          VARCHAR NOT NULL,
    final_url    VARCHAR,
    kind         VARCHAR,                  -- robots | feed | sitemap | listing | search | article | manual
    status       INTEGER,                  -- HTTP status; NULL when no response
    fetched_at   TIMESTAMPTZ NOT NULL,
    bytes        BIGINT,
    elapsed_ms   DOUBLE,
    error        VARCHAR,
    raw_sha256   VARCHAR,                  -- key into the raw archive
    etag         VARCHAR,
    last_modified VARCHAR
);

CREATE TABLE stories (
    story_id     VARCHAR PRIMARY KEY,
    first_doc_id VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE documents (
    doc_id            VARCHAR PRIMARY KEY,  -- sha1 of the canonical URL
    url               VARCHAR NOT NULL,
    canonical_url     VARCHAR NOT NULL,
    source_id         VARCHAR,
    title             VARCHAR,
    lead              VARCHAR,
    text              VARCHAR,
    author            VARCHAR,
    tags              VARCHAR[],
    language          VARCHAR,
    published_at      TIMESTAMPTZ,
    published_date    DATE,                 -- local date in Asia/Ho_Chi_Minh: what windows compare
    date_source       VARCHAR,              -- meta | jsonld | visible | url | feed | first_seen
    date_confidence   DOUBLE,
    format            VARCHAR,              -- article | report
    format_evidence   VARCHAR,
    content_hash      VARCHAR,              -- sha256 of normalized title + text
    story_id          VARCHAR,
    raw_sha256        VARCHAR,
    extraction_quality DOUBLE,              -- 0..1, low means the page did not look like an article
    extraction_flags  VARCHAR[],
    extractor_version VARCHAR,
    first_seen_at     TIMESTAMPTZ NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    run_id            VARCHAR
);

-- MinHash signatures for near-duplicate clustering (one row per document).
CREATE TABLE doc_signatures (
    doc_id    VARCHAR PRIMARY KEY,
    minhash   UBIGINT[] NOT NULL
);

-- Versioned: a reclassification adds rows; the newest per (doc, plan) is current.
CREATE TABLE classifications (
    doc_id             VARCHAR NOT NULL,
    plan_id            VARCHAR NOT NULL,
    classifier_version VARCHAR NOT NULL,
    classified_at      TIMESTAMPTZ NOT NULL,
    relevant           BOOLEAN NOT NULL,
    activity           VARCHAR,
    format             VARCHAR,
    score              DOUBLE NOT NULL,
    decision           VARCHAR NOT NULL,    -- accept | review | reject
    activity_scores    VARCHAR,             -- JSON object activity -> score
    reasons            VARCHAR[],           -- why review (borderline, close_activities, window_edge, ...)
    evidence           VARCHAR,             -- JSON: matched terms, where, weights
    run_id             VARCHAR,
    PRIMARY KEY (doc_id, plan_id, classifier_version)
);

-- Append-only. Mirrors the review journal file; never updated or deleted.
CREATE TABLE review_decisions (
    decision_id        VARCHAR PRIMARY KEY,
    doc_id             VARCHAR NOT NULL,
    plan_id            VARCHAR NOT NULL,
    action             VARCHAR NOT NULL,    -- confirm | reject | reopen | undo
    activity           VARCHAR,
    format             VARCHAR,
    published_date     DATE,                -- a reviewer's date correction
    note               VARCHAR,
    reviewer           VARCHAR NOT NULL,
    decided_at         TIMESTAMPTZ NOT NULL,
    undoes             VARCHAR              -- for action = undo: the decision it cancels
);

CREATE TABLE source_health_log (
    run_id          VARCHAR NOT NULL,
    source_id       VARCHAR NOT NULL,
    checked_at      TIMESTAMPTZ NOT NULL,
    items_found     INTEGER NOT NULL,
    pages_fetched   INTEGER NOT NULL,
    errors          INTEGER NOT NULL,
    layout_misses   INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    PRIMARY KEY (run_id, source_id)
);
