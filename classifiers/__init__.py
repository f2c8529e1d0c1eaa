"""Classification of documents to a plan's activities: lexicon, prefilter, scoring, routing."""
