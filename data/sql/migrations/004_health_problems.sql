-- Real-web states of a source in a run (crawlers/realweb.py): the most serious one (problem: blocked,
-- js_challenge, feed_html, sitemap_stale, listing_repeats), its detail (a URL, or the date a sitemap stops at),
-- and all of them as JSON {code: detail}.
ALTER TABLE source_health_log ADD COLUMN problem VARCHAR;
ALTER TABLE source_health_log ADD COLUMN problem_detail VARCHAR;
ALTER TABLE source_health_log ADD COLUMN problems VARCHAR;
