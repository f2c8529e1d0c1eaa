"""No function of the product code runs past ~80 lines without a reason written beside it (issue 13).

A long function says why on its ``def`` line or in the comment lines just above it (above its decorators too):
``# long: <why it stays one piece>``. The few in files that cannot take a comment now are listed in EXEMPT with
their reason. Run ``python tests/foundation/test_function_length.py`` to list every function over the limit.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("crawlers", "classifiers", "pipeline", "flows", "planwatch")
LIMIT = 80  # lines from the def line to the last line of the body
MARK = "# long:"

# "<file>:<function>" -> why it stays long without a comment in its file.
EXEMPT: dict[str, str] = {}


def long_functions() -> list[tuple[str, int, int, bool]]:
    """(file:function, def line, length, has a '# long:' reason beside it) for every function over LIMIT."""
    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines()
            for node in ast.walk(ast.parse(source, filename=str(path))):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LIMIT:
                    rel = path.relative_to(REPO).as_posix()
                    found.append((f"{rel}:{node.name}", node.lineno, length, _has_reason(lines, node)))
    return found


def _has_reason(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A '# long:' comment on the def line, or in the comment lines right above the def or its decorators."""
    if MARK in lines[node.lineno - 1]:
        return True
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    index = first - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        if lines[index].strip().startswith(MARK):
            return True
        index -= 1
    return False


def test_every_long_function_says_why() -> None:
    offenders = [f"{name} (line {line}, {length} lines)" for name, line, length, reason in long_functions()
                 if not reason and name not in EXEMPT]
    assert not offenders, (
        f"functions over {LIMIT} lines without a reason: split them, or write '{MARK} <why>' on the line above "
        "the def:\n  " + "\n  ".join(offenders))


def test_exemptions_are_still_needed() -> None:
    long_now = {name for name, _line, _length, reason in long_functions() if not reason}
    stale = sorted(set(EXEMPT) - long_now)
    assert not stale, f"no longer long (or now commented in place): remove from EXEMPT: {stale}"


def test_the_reason_comment_is_found(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    source = f"# long: one table of cases\n@decorator\ndef a():\n{body}\n\n\ndef b():  \n{body}\n"
    tree = ast.parse(source)
    a, b = (n for n in tree.body if isinstance(n, ast.FunctionDef))
    lines = source.splitlines()
    assert _has_reason(lines, a) and not _has_reason(lines, b)


if __name__ == "__main__":
    for name, line, length, reason in sorted(long_functions(), key=lambda f: -f[2]):
        note = "reason beside it" if reason else ("EXEMPT: " + EXEMPT[name] if name in EXEMPT else "NO REASON")
        print(f"{length:4d}  {name}:{line}  {note}")
