"""Tests for app.domain.legacy_text and legacy_tables: TCVN3/VNI detection and conversion to Unicode."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.legacy_tables import TCVN3_TO_UNICODE, UNICODE_TO_TCVN3, UNICODE_TO_VNI, VNI_TO_UNICODE
from app.domain.legacy_text import detect_encoding, tcvn3_to_unicode, to_unicode, vni_to_unicode

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang huyền hỏi ngã sắc nặng
VOWELS = "aăâeêioôơuưy"
LOWER_LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
UPPER_LETTERS = [c.upper() for c in LOWER_LETTERS]
ASCII_LETTERS = list("bcdghklmnpqrstvx")


def encode_tcvn3(s: str) -> str:
    """Unicode → TCVN3 with our inverse table; upper-case toned letters have no code."""
    return "".join(UNICODE_TO_TCVN3.get(c, c) for c in s)


def encode_vni(s: str) -> str:
    return "".join(UNICODE_TO_VNI.get(c, c) for c in s)


# Hand-checked against the published TCVN3 chart, code by code (comments give the codes).
TCVN3_SAMPLES = [
    ("§¶ng", "Đảng"),  # A7 Đ, B6 ả
    ("NguyÔn V¨n An", "Nguyễn Văn An"),  # D4 ễ, A8 ă
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),  # E9 B5 B7 F1 DC D6
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),  # CB ậ, F9 ự, B9 ạ, F3 ú
    ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),  # AD ư (the soft hyphen), EA ờ, AC ơ
    ("B¶o Th¾ng", "Bảo Thắng"),  # BE ắ
    ("B¸t X¸t", "Bát Xát"),  # B8 á
    ("Bé ChÝnh trÞ", "Bộ Chính trị"),  # DD í, DE ị
    ("§¶ng uû", "Đảng uỷ"),  # FB ỷ
    ("kû luËt", "kỷ luật"),
    ("Chi bé sinh ho¹t th­êng kú", "Chi bộ sinh hoạt thường kỳ"),  # FA ỳ
]

VNI_SAMPLES = [
    ("Ñaûng Coäng saûn Vieät Nam", "Đảng Cộng sản Việt Nam"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Nguyeãn Vaên An", "Nguyễn Văn An"),
    ("Tröôøng Sa", "Trường Sa"),
    ("Chi boä sinh hoaït thöôøng kyø", "Chi bộ sinh hoạt thường kỳ"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Baûo Thaéng, Ñaék Laék", "Bảo Thắng, Đắk Lắk"),
    ("Khuyeán khích, tieåu söû", "Khuyến khích, tiểu sử"),
    ("ÔÛ Myõ Tho, ngaøy 05 thaùng 02", "Ở Mỹ Tho, ngày 05 tháng 02"),
]

# Real words that are Unicode but use only Latin-1 letters: the trap for any detector.
# fmt: off
LATIN1_VIETNAMESE = [
    "Cao", "Bá", "Quát", "Hà", "Tây", "Hòa", "Hoà", "Bình", "Cà", "Mau", "Thuý", "Tâm", "Hoàng", "Ánh",
    "Khoa", "Chí", "bí", "phó", "xã", "tháng", "ngày", "tán", "thành", "không", "có", "ý", "chí", "dân",
    "cán", "công", "tác", "hoá", "hóa", "Võ", "Lý", "Tô", "Thái", "Sóc", "Toàn", "quân", "giáo", "án",
    "tòa", "toà", "ông", "bà", "cô", "chú", "bác", "Bác", "già", "Nhà", "nhân", "làm", "lâu", "màu",
    "sâu", "xuân", "tuân", "cân", "tình", "hình", "chính", "tính", "lý", "mình", "vì", "gì", "gìn", "giành",
    "giàu", "quý", "thuê", "khoá", "khóa", "loài", "ngoài", "ngoái", "oán", "xoá", "Hoàn", "hoàn", "huân", "Thanh",
    "Sóc", "Trà", "Vinh", "Giá", "Rai", "Gò", "Công", "Tân", "An", "Tây", "Ninh", "Bà",
]
# fmt: on


# ------------------------------------------------------------------------------ tables


def test_tcvn3_table_shape() -> None:
    # 60 toned lower-case vowels + ă â ê ô ơ ư đ + Ă Â Ê Ô Ơ Ư Đ.
    assert len(TCVN3_TO_UNICODE) == 74
    assert len(set(TCVN3_TO_UNICODE.values())) == 74
    assert all(0xA1 <= ord(code) <= 0xFE for code in TCVN3_TO_UNICODE)
    unused = {0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5}
    unused |= {0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF}
    assert {ord(c) for c in TCVN3_TO_UNICODE} == set(range(0xA1, 0x100)) - unused


def test_tcvn3_groups_each_vowel_in_tone_order() -> None:
    # The chart lists every vowel as huyền, hỏi, ngã, sắc, nặng at rising codes.
    for vowel in VOWELS:
        codes = [UNICODE_TO_TCVN3[unicodedata.normalize("NFC", vowel + t)] for t in TONES[1:]]
        assert codes == sorted(codes), vowel


def test_vni_spot_checks() -> None:
    expected = {
        "ấ": "aá",
        "ầ": "aà",
        "ẩ": "aå",
        "ẫ": "aã",
        "ậ": "aä",
        "ắ": "aé",
        "ằ": "aè",
        "ẳ": "aú",
        "ẵ": "aü",
        "ặ": "aë",
        "ă": "aê",
        "â": "aâ",
        "ớ": "ôù",
        "ữ": "öõ",
        "ĩ": "ó",
        "ỉ": "æ",
        "ị": "ò",
        "ỵ": "î",
        "đ": "ñ",
        "Đ": "Ñ",
        "Ữ": "ÖÕ",
        "Ỵ": "Î",
        "Ấ": "AÁ",
    }
    for letter, seq in expected.items():
        assert UNICODE_TO_VNI[letter] == seq, letter


def test_vni_covers_every_vietnamese_letter() -> None:
    for letter in LOWER_LETTERS + UPPER_LETTERS:
        assert vni_to_unicode(encode_vni(letter)) == letter
    assert all(len(seq) in (1, 2) for seq in VNI_TO_UNICODE)


# ------------------------------------------------------------------------------ TCVN3


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_tcvn3_samples(legacy: str, unicode: str) -> None:
    assert tcvn3_to_unicode(legacy) == unicode
    assert encode_tcvn3(unicode) == legacy
    assert to_unicode(legacy, ".VnTime") == unicode


def test_misread_tcvn3_gives_the_wrong_letter() -> None:
    # "ã" (E3) is ó, not ễ: the string the brief warned about really is wrong.
    assert tcvn3_to_unicode("Nguyãn") == "Nguyón"


def test_tcvn3_every_lower_case_letter_round_trips() -> None:
    for letter in LOWER_LETTERS + ASCII_LETTERS:
        assert tcvn3_to_unicode(encode_tcvn3(letter)) == letter
    for letter in "ĂÂÊÔƠƯĐ":
        assert tcvn3_to_unicode(encode_tcvn3(letter)) == letter


def test_tcvn3_upper_case_font_round_trips() -> None:
    # .VnTimeH stores capitals under the lower-case codes.
    for letter in UPPER_LETTERS + [c.upper() for c in ASCII_LETTERS]:
        assert tcvn3_to_unicode(encode_tcvn3(letter.lower()), upper=True) == letter


def test_tcvn3_upper_case_font() -> None:
    assert tcvn3_to_unicode("§¶ng céng s¶n viÖt nam", upper=True) == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert to_unicode("§¶ng uû", ".VnTimeH") == "ĐẢNG UỶ"
    assert to_unicode("huyÖn", " .VnArialH ") == "HUYỆN"
    assert to_unicode("dang", ".VnTimeH") == "DANG"  # plain ASCII still shows as capitals
    # Without a font name, all-capital ASCII around lower-case codes means an H font.
    assert to_unicode("§¶NG CéNG S¶N VIÖT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert to_unicode("Céng hoµ") == "Cộng hoà"


lower_text = st.lists(st.sampled_from(LOWER_LETTERS + ASCII_LETTERS + [" ", ",", "-", "1"]), max_size=30).map("".join)


@given(lower_text)
def test_tcvn3_round_trip_property(s: str) -> None:
    assert tcvn3_to_unicode(encode_tcvn3(s)) == s
    assert to_unicode(encode_tcvn3(s), ".VnTime") == s
    assert tcvn3_to_unicode(encode_tcvn3(s), upper=True) == s.upper()
    assert to_unicode(encode_tcvn3(s), ".VnTimeH") == s.upper()


# ------------------------------------------------------------------------------ VNI


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_vni_samples(legacy: str, unicode: str) -> None:
    assert vni_to_unicode(legacy) == unicode
    assert to_unicode(legacy, "VNI-Times") == unicode
    assert to_unicode(legacy) == unicode


def test_vni_accepts_marks_of_either_case() -> None:
    assert vni_to_unicode("Aù") == "Á"
    assert vni_to_unicode("aÙ") == "á"
    assert vni_to_unicode("Vieät") == vni_to_unicode("ViEÄt".replace("E", "e")) == "Việt"
    assert vni_to_unicode("yï") == "ỵ"


def test_vni_leaves_other_characters_alone() -> None:
    assert vni_to_unicode("café 100%") == "café 100%"
    assert vni_to_unicode("ù at the start") == "ù at the start"


any_letters = st.lists(st.sampled_from(LOWER_LETTERS + UPPER_LETTERS + ASCII_LETTERS + [" ", "."]), max_size=30)


@given(any_letters.map("".join))
def test_vni_round_trip_property(s: str) -> None:
    assert vni_to_unicode(encode_vni(s)) == s
    assert to_unicode(encode_vni(s), "VNI-Helve") == s


# ------------------------------------------------------------------------------ detection


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_detects_tcvn3_without_font(legacy: str, unicode: str) -> None:
    assert detect_encoding(legacy) == "tcvn3"
    assert to_unicode(legacy) == unicode


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_detects_vni_without_font(legacy: str, unicode: str) -> None:
    assert detect_encoding(legacy) == "vni"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nguyen Van An",
        "Chi bo 3",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Đảng",
        "Cao Bá Quát",
        "Hoàng",
        "Hoà Bình",
        "Tô",
        "café crème",
        "naïve",
        "señor Müller",
        "José Pérez",
        "Straße",
        "Москва",
        "“Quote” — dash…",
    ],
)
def test_unicode_and_foreign_text_stays_unicode(text: str) -> None:
    assert detect_encoding(text) == "unicode"
    assert to_unicode(text) == text


@pytest.mark.parametrize("word", LATIN1_VIETNAMESE)
def test_latin1_only_vietnamese_word_stays_unicode(word: str) -> None:
    assert detect_encoding(word) == "unicode"


@given(st.lists(st.sampled_from(LATIN1_VIETNAMESE), min_size=1, max_size=8).map(" ".join))
def test_latin1_only_vietnamese_sentences_stay_unicode(sentence: str) -> None:
    assert to_unicode(sentence) == sentence


@given(st.text())
def test_text_with_a_unicode_only_letter_is_unicode_whatever_the_font(s: str) -> None:
    text = s + "ệ"  # no legacy font can produce U+1EC7
    for font in (None, ".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman"):
        assert detect_encoding(text, font) == "unicode"


def test_font_name_decides_for_legacy_compatible_text() -> None:
    assert detect_encoding("Cao Bá Quát", ".VnTime") == "tcvn3"
    assert detect_encoding("Nguyen", ".VnTimeH") == "tcvn3"
    assert detect_encoding("Hoà", "VNI-Times") == "vni"
    assert detect_encoding("Hoà", "vni-helve") == "vni"
    assert detect_encoding("Hoà", "Times New Roman") == "unicode"
    assert detect_encoding("NguyÔn", "Arial") == "tcvn3"  # unknown font: the guess decides


def test_to_unicode_always_returns_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert to_unicode(decomposed) == "Nguyễn Thị Ánh"
    assert to_unicode(decomposed, ".VnTime") == "Nguyễn Thị Ánh"
    assert to_unicode(None) == ""
    assert to_unicode("") == ""
