-- Which of these canonical URLs were stored when the crawl started? (crawlers/known_index.py, KnownUrls.among;
-- /*URLS*/ becomes one "?" placeholder per URL: only placeholders are spliced in)
SELECT url FROM known WHERE gen <= ? AND url IN (/*URLS*/);
