-- Every known source (id and name), for checking a review filter's outlet and listing the valid ones.
SELECT source_id, name FROM sources ORDER BY source_id;
