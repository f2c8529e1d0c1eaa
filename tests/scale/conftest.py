"""The real local Prefect server fixture of tests/flows, for the partitioned-crawl test."""

from tests.flows.conftest import prefect_server  # noqa: F401  (a fixture, used by name)
