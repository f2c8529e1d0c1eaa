"""A pipeline command's options coerced without pydantic (issue 16, the serial start).

typer 0.29 coerces every option's value through a pydantic `TypeAdapter` that it builds when the value is parsed,
for an option left out as well (its default None goes through the same step before being returned as it is) and for
the `--help` flag, so `planwatch crawl` and `reprocess` imported pydantic and built two to four adapters before the
command ran: 0.08-0.13 s of the parent's CPU on the path to the workers' first batch; nothing else in those
commands imports pydantic. Under `plain_coercion()` a typer parameter gets instead, where typer builds its own:
- a single `str` option: the string itself (typer's: `str(value)`, bytes decoded);
- a single `Path` option (no parser, no `path_type`): `pathlib.Path(value)` (what pydantic's lax `Path` validation
  gives for a string), then checked by typer's own `coerce_cli_path` (exists, file or folder, ... as declared);
- any other: typer's own, built at its first value other than None (None is returned before any coercion).
Same values, same checks, same messages. Only the pipeline commands' own app runs this way (planwatch.cli.main);
`--help` and every other command go through typer as before."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def plain_coercion() -> Iterator[None]:
    """typer's parameters get `runtime_param`'s coercion while this lasts (typer's lazy `get_runtime_param`). An app
    that is not typer's (typer not imported: a test's stand-in) runs as it is."""
    core = sys.modules.get("typer.core")
    if core is None:
        yield
        return
    cls = core._TyperParameter
    typer_own = cls.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            self._runtime_param = runtime_param(self)
        return self._runtime_param

    cls.get_runtime_param = get_runtime_param
    try:
        yield
    finally:
        cls.get_runtime_param = typer_own


def runtime_param(param: Any) -> Any:
    """The coercion of this typer parameter: plain for a single `str` or `Path` option, else typer's own, built
    when first needed."""
    from typer._coercion import build_runtime_param

    desc = param.type_descriptor
    info, annotation = desc.parameter_info, desc.annotation
    plain_str, plain_path, deferred = _classes()
    if annotation in (str, Path) and info.parser is None and info.path_type is None \
            and desc.file_annotation is None and not param.multiple and param.nargs == 1:
        return (plain_path if annotation is Path else plain_str)(parameter_info=info, annotation=annotation)
    return deferred(parameter_info=info, annotation=annotation, build=lambda: build_runtime_param(desc))


@cache
def _classes() -> tuple[type, type, type]:
    """The coercions, typer `RuntimeParam`s (defined once typer is imported)."""
    from collections.abc import Callable
    from dataclasses import dataclass, field

    from typer import _coercion, _param_types

    @dataclass(frozen=True)
    class PlainStr(_coercion.RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            # (typer's str coercion: a command line gives str; bytes decoded)
            return os.fsdecode(value) if isinstance(value, bytes) else str(value)

    @dataclass(frozen=True)
    class PlainPath(_coercion.RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            path = value if isinstance(value, Path) else Path(value)  # (pydantic's lax Path from a str)
            return _param_types.coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)

    @dataclass(frozen=True)
    class Deferred(_coercion.RuntimeParam):
        build: Callable[[], Any] = field(default=lambda: None, compare=False)
        own: list[Any] = field(default_factory=list, compare=False)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if not self.own:
                self.own.append(self.build())
            return self.own[0]._coerce_value(value, param=param, ctx=ctx)

    return PlainStr, PlainPath, Deferred
