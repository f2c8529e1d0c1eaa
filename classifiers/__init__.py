"""Classification of documents to a plan's activities: lexicon, prefilter, scoring, routing.

Contract (docs/architecture.md, classifiers.contract): `classify_document(doc, plan) -> Classification`,
`classify_many(docs, plan)`, where `doc` is a `ClassifierInput` built by `classifier_input(...)`.
"""

from classifiers.contract import Classification, ClassifierInput, classifier_input
from classifiers.engine import CODE_VERSION, Classifier, classifier_for, classify_document, classify_many, iter_classify

__all__ = ["CODE_VERSION", "Classification", "Classifier", "ClassifierInput", "classifier_for", "classifier_input",
           "classify_document", "classify_many", "iter_classify"]
