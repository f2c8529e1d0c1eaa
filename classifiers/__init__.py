"""Classification of documents to a plan's activities: lexicon, prefilter, scoring, routing.

Contract (docs/architecture.md): `classify_document(doc, plan) -> dict`, `classify_many(docs, plan)`.
"""

from classifiers.engine import CODE_VERSION, Classifier, classifier_for, classify_document, classify_many, iter_classify

__all__ = ["CODE_VERSION", "Classifier", "classifier_for", "classify_document", "classify_many", "iter_classify"]
