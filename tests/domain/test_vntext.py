"""Tests for app.domain.vntext: normalising, folding, name parts and Vietnamese collation keys."""

from __future__ import annotations

import random
import sqlite3
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.vntext import (
    clean,
    contains_folded,
    fold,
    join_name,
    name_sort_key,
    nfc,
    sort_key,
    split_name,
)

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang huyền hỏi ngã sắc nặng
VOWELS = "aăâeêioôơuưy"
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
LOWER_LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + list("bcdđghklmnpqrstvx")
ALL_LETTERS = LOWER_LETTERS + [c.upper() for c in LOWER_LETTERS]

# PyICU Collator("vi_VN") on these given names, from TECH-NOTES §5.
# fmt: off
ICU_GIVEN_NAMES = [
    "an", "An", "Anh", "Anh", "Ảnh", "Ánh", "Ánh", "Ạnh", "Ăn", "Ân", "Ất", "Ba", "Bảo",
    "Chi", "Cường", "Dũng", "Duyên", "Đào", "Đức", "Em", "Ê", "Hoa", "Ôn", "Ơn", "Uy", "Ưng",
]
# fmt: on
ICU_ONE_SYLLABLE = ["an", "anh", "Anh", "ành", "ảnh", "ãnh", "ánh", "ạnh", "ăn", "ân"]

letters = st.sampled_from(ALL_LETTERS)
viet_words = st.text(letters, min_size=1, max_size=6)
viet_text = st.lists(viet_words, min_size=0, max_size=4).map(" ".join)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def primary(s: str) -> str:
    return sort_key(s).split("\x00")[0]


# ---------------------------------------------------------------------------- clean / nfc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  Nguyễn   Văn\tAn \n", "Nguyễn Văn An"),
        ("Nguyễn\u00a0Văn\u2003An", "Nguyễn Văn An"),
        ("Lê\r\nThị\u3000Hoa", "Lê Thị Hoa"),
        (nfd("Nguyễn Thị Ánh"), "Nguyễn Thị Ánh"),
        ("\ufeffTrần\u200b Văn", "Trần Văn"),
    ],
)
def test_clean(raw: str | None, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_output_is_nfc() -> None:
    out = clean(nfd("  Đảng   uỷ  "))
    assert out == "Đảng uỷ"
    assert unicodedata.is_normalized("NFC", out)


def test_nfc_keeps_lines_and_spacing() -> None:
    assert nfc(nfd("Dòng một\n  dòng hai ")) == "Dòng một\n  dòng hai "
    assert nfc(None) == ""


@given(st.text())
def test_clean_is_idempotent_and_has_no_double_spaces(s: str) -> None:
    once = clean(s)
    assert clean(once) == once
    assert "  " not in once
    assert once == once.strip()


# ---------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà", "hòa"),
        ("uỷ", "ủy"),
        ("Đảng uỷ", "đảng ủy"),
        ("thuỷ", "thủy"),
        (nfd("Đảng"), "Đảng"),
        ("ĐẢNG", "dang"),
        ("Đảng", "dang"),
        ("NGUYỄN", "nguyen"),
        ("Ưu tiên ươm mầm", "uu tien uom mam"),
    ],
)
def test_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_values() -> None:
    assert fold("Biên bản Đảng viên Nguyễn Thị Ánh") == "bien ban dang vien nguyen thi anh"
    assert fold("ĐẢNG CỘNG SẢN VIỆT NAM") == "dang cong san viet nam"
    assert fold("Lê Hoàng Yến") == "le hoang yen"
    assert fold(None) == ""
    assert fold("") == ""
    assert fold("ABC 123") == "abc 123"


def test_fold_every_vietnamese_letter_is_one_ascii_letter() -> None:
    for ch in ALL_LETTERS:
        out = fold(ch)
        assert len(out) == 1 and out.isascii() and out.islower(), ch


def test_fold_drops_stray_combining_marks() -> None:
    # x + acute has no precomposed form; the mark is the one thing fold() deletes.
    assert fold("x\u0301y") == "xy"


@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(st.text())
def test_fold_ignores_normalisation_form(s: str) -> None:
    assert fold(nfd(s)) == fold(unicodedata.normalize("NFC", s)) == fold(s)


@given(st.text() | viet_text)
def test_fold_keeps_length_and_positions(s: str) -> None:
    s = unicodedata.normalize("NFC", s)
    assume(not any("\u0300" <= c <= "\u036f" for c in s))
    folded = fold(s)
    assert len(folded) == len(s)
    assert all(folded[i] == fold(s[i]) for i in range(len(s)))


def test_fold_position_contract_for_snippets() -> None:
    text = "Đồng chí NGUYỄN Thị Ánh phát biểu"
    start = fold(text).index(fold("nguyễn thi"))
    assert text[start : start + len("nguyen thi")] == "NGUYỄN Thị"


def test_fold_final_sigma_is_character_by_character() -> None:
    assert fold("ΑΣ") == "ασ"


def test_contains_folded() -> None:
    assert contains_folded("Đảng viên Nguyễn Thị Ánh", "nguyen thi")
    assert contains_folded("HUYỆN UỶ ĐỊNH HOÁ", "huyện ủy")
    assert contains_folded("anything", "")
    assert not contains_folded("Trần Văn Đức", "duc anh")
    assert not contains_folded(None, "a")


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("", ("", "", "")),
        ("   ", ("", "", "")),
        ("An", ("", "", "An")),
        ("Lê An", ("Lê", "", "An")),
        ("Nguyễn Văn An", ("Nguyễn", "Văn", "An")),
        ("  Tôn   Nữ Thị\u00a0Hà ", ("Tôn", "Nữ Thị", "Hà")),
        (nfd("Trần Thị Ánh"), ("Trần", "Thị", "Ánh")),
    ],
)
def test_split_name(full: str, parts: tuple[str, str, str]) -> None:
    assert split_name(full) == parts


def test_join_name_skips_empty_parts() -> None:
    assert join_name("Nguyễn", "Văn", "An") == "Nguyễn Văn An"
    assert join_name("Lê", "", "An") == "Lê An"
    assert join_name("", " ", "An ") == "An"
    assert join_name(None, None, None) == ""


@given(st.text())
def test_split_then_join_gives_clean_name(full: str) -> None:
    assert join_name(*split_name(full)) == clean(full)


# ---------------------------------------------------------------------------- sort_key


def test_sort_key_matches_icu_given_names() -> None:
    rng = random.Random(1)
    for _ in range(20):
        shuffled = ICU_GIVEN_NAMES[:]
        rng.shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == ICU_GIVEN_NAMES


def test_sort_key_matches_icu_tone_order() -> None:
    assert sorted(reversed(ICU_ONE_SYLLABLE), key=sort_key) == ICU_ONE_SYLLABLE
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]


def test_alphabet_order_including_foreign_letters() -> None:
    letters = list(ALPHABET)
    assert sorted(reversed(letters), key=sort_key) == letters
    assert sort_key("ê") < sort_key("f") < sort_key("g")
    assert sort_key("i") < sort_key("j") < sort_key("k")
    assert sort_key("v") < sort_key("w") < sort_key("x")
    assert sort_key("y") < sort_key("z")
    assert sort_key("d") < sort_key("đ") < sort_key("e")
    assert sort_key("Dương") < sort_key("Đa")  # letters decide before anything else


def test_letters_beat_tones_and_tones_beat_case() -> None:
    assert sort_key("Ánh") < sort_key("anhz")  # primary "anh" < "anhz" despite the tone
    assert sort_key("hoà") < sort_key("hòa")  # same letters: first tone difference, left to right
    assert sort_key("hoà") < sort_key("Hoà")  # same letters and tones: lower before upper
    assert sort_key("Hoa") < sort_key("hoà")  # a tone outranks case


def test_digits_spaces_and_punctuation() -> None:
    assert sort_key("An") < sort_key("An Bình") < sort_key("Anh")
    assert sort_key("9") < sort_key("a")
    # Digit by digit, as ICU's default (no numeric collation): "10a" before "2".
    assert sort_key("1") < sort_key("10a") < sort_key("2")
    assert sort_key("-") < sort_key("0")
    assert sort_key("") == sort_key(" ") < sort_key("a")  # blank is blank after clean()


def test_unknown_characters_are_deterministic_and_after_latin() -> None:
    assert sort_key("北京") == sort_key("北京")
    assert sort_key("zz") < sort_key("Ωmega") < sort_key("北")
    assert sort_key("café") > sort_key("cafe")  # the acute is a secondary difference
    assert primary("café") == primary("cafe")


def test_sort_key_normalises_first() -> None:
    assert sort_key(nfd("Nguyễn Thị Ánh")) == sort_key("Nguyễn Thị Ánh")
    assert sort_key("  Nguyễn  Thị ") == sort_key("Nguyễn Thị")
    assert sort_key(None) == sort_key("") == "\x00\x00"


def _reference_key(s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
    """An independent statement of the rule, for Vietnamese letters and spaces only."""
    base_of = {}
    for ch in ALL_LETTERS:
        d = nfd(ch.lower())
        tone = next((TONES.index(m) for m in d if m in TONES[1:]), 0)
        base = unicodedata.normalize("NFC", "".join(m for m in d if m not in TONES[1:]))
        base_of[ch] = (ALPHABET.index(base), tone, ch.isupper())
    base_of[" "] = (-1, 0, False)
    weights = [base_of[c] for c in clean(s)]
    return (
        tuple(w[0] for w in weights),
        tuple(w[1] for w in weights),
        tuple(w[2] for w in weights),
    )


def _cmp(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


@given(viet_text, viet_text)
def test_sort_key_agrees_with_reference_rule(a: str, b: str) -> None:
    assert _cmp(sort_key(a), sort_key(b)) == _cmp(_reference_key(a), _reference_key(b))


@given(viet_text, viet_text)
def test_sort_key_equal_only_for_equal_text(a: str, b: str) -> None:
    assert (sort_key(a) == sort_key(b)) == (clean(a) == clean(b))


@given(st.text(), st.text())
def test_sort_key_is_binary_safe(a: str, b: str) -> None:
    ka, kb = sort_key(a), sort_key(b)
    # UTF-8 byte order (SQLite BINARY) must equal str order; no surrogates may appear.
    assert _cmp(ka.encode("utf-8"), kb.encode("utf-8")) == _cmp(ka, kb)


@given(st.lists(viet_text, max_size=12))
def test_sqlite_binary_order_equals_python_order(texts: list[str]) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (name TEXT, k TEXT)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(t, sort_key(t)) for t in texts])
        in_db = [row[0] for row in conn.execute("SELECT name FROM t ORDER BY k, name")]
    finally:
        conn.close()
    assert [sort_key(t) for t in in_db] == sorted(sort_key(t) for t in texts)


# ---------------------------------------------------------------------------- name_sort_key


def _name_key(full: str) -> str:
    return name_sort_key(*split_name(full))


def test_name_order_by_ten_then_ho_then_dem() -> None:
    expected = [
        "Trần Văn An",
        # The whole tên decides first (Anh < Ảnh < Ánh), then họ, then đệm.
        "Lê Thị Anh",
        "Nguyễn Thị Anh",
        "Nguyễn Văn Anh",
        "Phạm Anh",
        "Ngô Ảnh",
        "Đỗ Thị Ánh",
        "Lê Ăn",
        "Vũ Thị Ba",
        "Bùi Đức Bảo",
        "Hoàng Dũng",
        "Hà Đào",
        "Đinh Văn Đức",
        "Lý Em",
        "Mai Hoa",
        "Nguyễn Thị Hoa",
        "Phan Ưng",
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=_name_key) == expected


def test_name_key_semantics_each_field_whole_before_the_next() -> None:
    assert _name_key("Nguyễn Văn An") < _name_key("Lê Thị Ánh")  # An < Anh in letters
    # Anh and Ánh share their letters; the tone of tên still decides before họ.
    assert _name_key("Nguyễn Văn Anh") < _name_key("Lê Thị Ánh")
    # Same tên: họ decides (letters, then tone), then đệm.
    assert _name_key("Lê Văn Anh") < _name_key("Lê Văn Ánh")
    assert _name_key("Lề Văn Anh") < _name_key("Lê Văn Ánh")
    assert _name_key("Lê Văn Ánh") < _name_key("Lề Văn Ánh")
    # Everything equal but case.
    assert _name_key("lê văn anh") < _name_key("Lê Văn Anh")


def test_name_key_not_fooled_by_field_boundaries() -> None:
    # As one string "Anh Le" and "An Hle" would compare letter by letter; fields stay apart.
    assert name_sort_key("Le", "", "Anh") > name_sort_key("Hle", "", "An")
    assert name_sort_key("", "", "An") < name_sort_key("A", "", "An")


syllables = st.text(letters, min_size=1, max_size=5)
names = st.tuples(syllables, st.lists(syllables, max_size=2).map(" ".join), syllables)


def _levels(s: str) -> tuple[str, ...]:
    return tuple(sort_key(s).split("\x00"))


@given(names, names)
def test_name_key_orders_by_ten_then_ho_then_dem(a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    (ho1, dem1, ten1), (ho2, dem2, ten2) = a, b
    got = _cmp(name_sort_key(ho1, dem1, ten1), name_sort_key(ho2, dem2, ten2))
    # Letters of tên decide first.
    if primary(ten1) != primary(ten2):
        assert got == _cmp(primary(ten1), primary(ten2))
    # The whole rule: tên completely (all levels), then họ, then đệm.
    ref1 = (_levels(ten1), _levels(ho1), _levels(dem1))
    ref2 = (_levels(ten2), _levels(ho2), _levels(dem2))
    assert got == _cmp(ref1, ref2)
