"""Prefect flows: thin recipes over the plain functions in pipeline/, crawlers/ and classifiers/."""
