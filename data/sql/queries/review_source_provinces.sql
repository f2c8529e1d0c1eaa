-- Every known source's provinces, for turning `review list --province` into the source ids it matches.
SELECT source_id, province_historical, province_current FROM sources ORDER BY source_id;
