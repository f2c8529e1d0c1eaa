"""`planwatch serve`: deployments with cron schedules (data/schedules.toml), served by this process."""

from __future__ import annotations

import tomllib
from typing import Any

from planwatch.config import data_path


def load_schedules() -> dict[str, Any]:
    return tomllib.loads(data_path("schedules.toml").read_text(encoding="utf-8"))


def build_deployments() -> list[Any]:
    from flows.prefect_env import configure_prefect

    configure_prefect()
    from prefect.schedules import Cron

    from flows.digest import weekly_digest
    from flows.nightly import nightly_crawl

    conf = load_schedules()
    tz = conf["timezone"]
    nightly_params = {"sources": conf["nightly"].get("sources") or None}
    digest_conf = conf["weekly_digest"]
    return [
        nightly_crawl.to_deployment(
            name="nightly", schedules=[Cron(conf["nightly"]["cron"], timezone=tz)], parameters=nightly_params,
            description="Nightly crawl: discover, fetch, extract, classify, store, publish.", tags=["planwatch"]),
        weekly_digest.to_deployment(
            name="weekly", schedules=[Cron(digest_conf["cron"], timezone=tz)],
            parameters={"plan": digest_conf.get("plan") or None, "send_mail": bool(digest_conf.get("send", True))},
            description="Weekly coverage digest email.", tags=["planwatch"]),
    ]


def describe_deployments() -> list[str]:
    conf = load_schedules()
    return [f"nightly-crawl/nightly: cron '{conf['nightly']['cron']}' ({conf['timezone']})",
            f"weekly-digest/weekly: cron '{conf['weekly_digest']['cron']}' ({conf['timezone']})"]


def serve_deployments() -> None:
    from prefect import serve

    serve(*build_deployments())
