"""Errors about the data files people edit (plans, lexicons): one shape of message everywhere,
"<file>: field '<name>': <problem>. Fix: <what to write instead>"."""

from __future__ import annotations

from pathlib import Path


class DataFileError(ValueError):
    """A data file is malformed. The message names the file, the field and the fix."""

    def __init__(self, path: Path | str, field_name: str, problem: str, fix: str) -> None:
        self.path, self.field, self.problem, self.fix = str(path), field_name, problem, fix
        super().__init__(f"{path}: field '{field_name}': {problem}. Fix: {fix}")
