from __future__ import annotations

import re
from pathlib import Path

import pytest

from classifiers.engine import Classifier, version_of
from classifiers.lexicon import LexiconError, lexicon_path, load_lexicon
from classifiers.textfold import fast_fold, initials, term_regex
from pipeline.normalize import fold
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN

PLAN = PRIMARY_PLAN


def _copy(tmp_path: Path, edit: tuple[str, str] | None = None) -> Path:
    text = lexicon_path(PLAN).read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(edit[0], edit[1], 1)
    path = tmp_path / f"{PLAN}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicon_loads_with_generated_forms():
    lex = load_lexicon(PLAN, load_plan(PLAN).activity_ids)
    sector = {t.key for t in lex.subject["sector"].terms}
    assert "mam non" in sector and "gdmn" in sector  # folded form and generated initials
    people = {t.key: t for t in lex.subject["people"].terms}
    assert people["cbql"].generated and not people["giao vien"].generated
    assert "bdtx" in {t.key for t in lex.subject["action"].terms}
    assert set(lex.activities) == {"1", "2a", "2b"}


def test_fast_fold_matches_fold():
    for s in ["Đề án 33 ĐÀO TẠO", "Giáo viên mầm non", "hoà thuý", "Quyết định 33/QĐ-TTg", "ỨNG DỤNG"]:
        assert fast_fold(s) == fold(s)
    assert initials("giáo dục mầm non") == "gdmn"


@pytest.mark.parametrize("text", ["Quyết định số 33/QĐ-TTg", "quyet dinh 33 / qd-ttg", "Quyết định 33/QĐ–TTg"])
def test_term_regex_optional_words_and_dashes(text):
    assert re.search(term_regex("Quyết định [số] 33/QĐ-TTg"), fast_fold(text))


def test_term_regex_word_boundaries():
    assert not re.search(term_regex("Đề án 33"), fast_fold("Đề án 330"))
    assert re.search(term_regex("giai đoạn 2018-2025"), fast_fold("giai đoạn 2018 – 2025"))


@pytest.mark.parametrize(("edit", "field"), [
    (("accept = 0.70", "accept = 0.30"), "thresholds.accept"),
    (("proximity_tokens = 16", "proximity_tokens = \"x\""), "thresholds.proximity_tokens"),
    (("mode = \"ratio\"\nagainst = \"sector\"", "mode = \"ratio\"\nagainst = \"nowhere\""), "against"),
    (('terms = ["mầm non", ', 'terms = ["mầm non", "mam non", '), "subject.sector.terms[1]"),
    (('abbreviate = ["giáo dục mầm non", "mầm non"]', 'abbreviate = ["nhà giáo mầm non"]'), "abbreviate[0]"),
    (('[activities."2b"]', '[activities."9z"]'), "activities"),
    (('"nhà trẻ", "nhóm trẻ"', '"nhà trẻ", "(nhóm trẻ"'), "subject.sector.terms[4]"),
])
def test_validation_names_file_field_and_fix(tmp_path, edit, field):
    path = _copy(tmp_path, edit)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path, ("1", "2a", "2b"))
    msg = str(err.value)
    assert str(path) in msg and field in msg and "Fix:" in msg


def test_invalid_toml_is_reported(tmp_path):
    path = _copy(tmp_path, ("[thresholds]", "[thresholds"))
    with pytest.raises(LexiconError, match="not valid UTF-8 TOML"):
        load_lexicon(path)


def test_version_changes_with_lexicon(tmp_path):
    plan = load_plan(PLAN)
    base = version_of(load_lexicon(_copy(tmp_path)), plan)
    changed = version_of(load_lexicon(_copy(tmp_path, ("accept = 0.70", "accept = 0.72"))), plan)
    assert base != changed and base.startswith("rules-") and changed.startswith("rules-")
    assert Classifier.for_plan(plan, model=False).version == version_of(load_lexicon(PLAN), plan)
    clf = Classifier.for_plan(plan)  # with the shipped model: its version is part of the classifier's
    assert clf.model is not None and clf.version == version_of(load_lexicon(PLAN), plan, clf.model)
    assert clf.version.startswith("model-") and clf.version != base


def test_prefilter_catches_every_form_and_skips_others():
    import unicodedata

    from classifiers.prefilter import Prefilter

    pf = Prefilter.from_lexicon(load_lexicon(PLAN))
    for text in ["Giáo viên MẦM NON", "giao vien mam non", unicodedata.normalize("NFD", "trẻ nhà trẻ, mẫu giáo"),
                 "De an 33 nam 2022", "Quyết định 33/QĐ-TTg", "các trường GDMN"]:
        assert pf.is_candidate(text), text
    for text in ["Giá vàng hôm nay", "tiểu học và THCS", "Đề án 330 về giao thông", "amam nonx"]:
        assert not pf.is_candidate(text), text
    # terms containing another prefilter term are redundant and dropped
    assert "mam non" in pf.keys and "giao duc mam non" not in pf.keys


def test_classifier_reloads_an_edited_lexicon(tmp_path, monkeypatch):
    import os

    import classifiers.engine as engine
    import classifiers.lexicon as lexicon

    path = _copy(tmp_path)
    monkeypatch.setattr(lexicon, "lexicon_path", lambda name: path)
    monkeypatch.setattr(engine, "lexicon_path", lambda name: path)
    plan = load_plan(PLAN)
    first = engine.classifier_for(plan).version
    assert engine.classifier_for(plan).version == first  # cached
    path.write_text(path.read_text(encoding="utf-8").replace("accept = 0.70", "accept = 0.75"), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert engine.classifier_for(plan).version != first
