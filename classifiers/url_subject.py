"""The preschool subject named by a page's URL, for pages whose title, lead and text never say it.

A school's own news page often names neither "mầm non" nor "mẫu giáo" ("Ngày 16/4/2020 PGD&ĐT Sa Pa bồi dưỡng
chuyên môn" on mnsapa.pgdsapa.edu.vn), and a newspaper's slug repeats a headline that extraction may have
lost. Two signs count, both read from the URL alone:

* the slug names the level: "mam-non", "mau-giao", "nha-tre" (or written as one word) as a run of the host
  or path, between non-alphanumeric characters;
* the host is a preschool's own site: a first label starting with "mn" or "mg" (mầm non, mẫu giáo: the
  naming convention of Vietnamese school sites) under ".edu.vn".

A URL hit only makes the page a candidate (classifiers.engine): the page still has no preschool subject in its
text, so it is never accepted (routing's `no_preschool_subject`); it reaches a reviewer when the model's
probability is above the reject threshold. Chosen on the train split (docs/classification.md): two relevant
train pages were otherwise never candidates.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

_SLUG = re.compile(r"(?:^|[^a-z0-9])(mam-?non|mau-?giao|nha-?tre)(?=[^a-z0-9]|$)")
_SCHOOL_HOST = re.compile(r"(?:mn|mg)[a-z0-9]")


def _ascii(text: str) -> str:
    """Lower case without marks ("mầm-non" in a decoded path becomes "mam-non"; "đ" becomes "d")."""
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def url_subject(url: str | None) -> str | None:
    """The preschool sign in the URL ("mam-non", "mau-giao", "nha-tre" or the school host's first label), or
    None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = _ascii(unquote(parts.path))
    m = _SLUG.search(host.replace(".", "-") + "/" + path)
    if m:
        return m.group(1).replace("-", "")
    first = host.split(".")[0]
    if host.endswith(".edu.vn") and _SCHOOL_HOST.match(first):
        return first
    return None
