-- The extracted lead and text of one document ($1 = doc_id), for the item page (review_item).
SELECT lead, text FROM documents WHERE doc_id = $1;
