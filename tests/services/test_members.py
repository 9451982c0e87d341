"""Member use cases on a real temporary database: the form, validation, duplicates, status history."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.domain.membership import MemberStatus, StatusEventKind
from app.services.members import member_from_fields
from tests.conftest import db_fingerprint


def add(services, name="Nguyễn Văn An", born="01/02/1970", joined="03/02/1995", **extra):
    fields = {"full_name": name, "date_of_birth": born, "joined_on": joined, "official_on": "03/02/1996", **extra}
    return services.members.add(member_from_fields(fields))


def test_add_normalises_splits_and_lists_in_vietnamese_name_order(services) -> None:
    add(services, "  Trần   Thị  Ánh ", party_card_no="10000002")
    add(services, "Lê Văn Bình", born="2/3/1980", joined="04-05-2005", official_on="", party_card_no="10000003")
    nfd = "Nguyễn Văn An".encode().decode()  # typed
    import unicodedata

    add(services, unicodedata.normalize("NFD", nfd), party_card_no="10000001")
    names = [m.full_name for m in services.members.list()]
    assert names == ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình"]  # An < Ánh (tone breaks the tie) < Bình
    an = services.members.list(search="nguyen")[0]
    assert (an.ho, an.dem, an.ten) == ("Nguyễn", "Văn", "An")
    assert an.full_name == unicodedata.normalize("NFC", an.full_name)
    assert services.members.list(search="ANH")[0].full_name == "Trần Thị Ánh"


def test_compound_surname_override_is_kept(services) -> None:
    m = add(services, "Tôn Nữ Thị Hà", ho="Tôn Nữ", dem="Thị")
    assert (m.ho, m.dem, m.ten) == ("Tôn Nữ", "Thị", "Hà")
    edited = services.members.update(member_from_fields({"job_position": "Kế toán"}, base=m))
    assert (edited.ho, edited.dem, edited.ten) == ("Tôn Nữ", "Thị", "Hà")


def test_every_bad_field_is_reported_at_once_and_nothing_is_written(services, paths) -> None:
    before = db_fingerprint(paths.database)
    with pytest.raises(ValidationError) as caught:
        member_from_fields({"full_name": "", "date_of_birth": "31/02/1980", "joined_on": "hôm qua"})
    assert caught.value.field_errors == {"full_name": "required", "date_of_birth": "impossible", "joined_on": "format"}
    assert db_fingerprint(paths.database) == before


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        ({"joined": "01/01/1985"}, "joined_on", "too_young"),  # born 1970: only 15
        ({"cccd": "0123"}, "cccd", "cccd_length"),
        ({"cccd": "09318500012a"}, "cccd", "digits"),
        ({"official": "01/01/1990"}, "official_on", "before_joined"),
        ({"born": "01/01/2030"}, "date_of_birth", "future"),
    ],
)
def test_cross_field_rules(services, extra, field, code) -> None:
    fields = {"full_name": "Phạm Thị Cúc", "date_of_birth": extra.get("born", "01/01/1970"),
              "joined_on": extra.get("joined", "01/01/1995"), "official_on": extra.get("official", ""),
              "cccd": extra.get("cccd", "")}  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.members.add(member_from_fields(fields))
    assert caught.value.field_errors[field] == code
    assert services.members.all() == []


def test_duplicate_card_cccd_and_person_are_refused(services) -> None:
    add(services, "Nguyễn Văn An", party_card_no="12345678", cccd="093185000123")
    with pytest.raises(ValidationError) as card:
        add(services, "Lê Văn Bình", born="01/01/1970", party_card_no="12345678")
    assert card.value.field_errors == {"party_card_no": "duplicate"}
    with pytest.raises(ValidationError) as cccd:
        add(services, "Lê Văn Bình", born="01/01/1970", cccd="093185000123")
    assert cccd.value.field_errors == {"cccd": "duplicate"}
    with pytest.raises(ValidationError) as person:  # same folded name and birth date, other tone placement
        add(services, "NGUYEN VAN AN")
    assert person.value.field_errors == {"full_name": "duplicate_person"}
    assert len(services.members.all()) == 1


def test_status_changes_are_history_and_never_delete(services) -> None:
    m = add(services, "Hoàng Văn Cường", joined="01/01/2025", official_on="")
    assert services.members.status(m) is MemberStatus.PROBATIONARY
    m = services.members.change_status(m.id, StatusEventKind.FULL_MEMBERSHIP, date(2026, 1, 1))
    assert m.official_on == date(2026, 1, 1) and m.status_on(date(2026, 2, 1)) is MemberStatus.FULL
    m = services.members.change_status(m.id, StatusEventKind.TEMPORARY_AWAY, date(2026, 3, 1), note="Đi học Cần Thơ")
    m = services.members.change_status(m.id, StatusEventKind.TEMPORARY_AWAY_ENDED, date(2026, 6, 1))
    m = services.members.change_status(m.id, StatusEventKind.TRANSFERRED_OUT, date(2026, 9, 1), decision="GGT số 15")
    assert [e.kind for e in m.events] == [StatusEventKind.FULL_MEMBERSHIP, StatusEventKind.TEMPORARY_AWAY,
                                          StatusEventKind.TEMPORARY_AWAY_ENDED, StatusEventKind.TRANSFERRED_OUT]  # fmt: skip
    assert m.status_on(date(2026, 4, 1)) is MemberStatus.AWAY
    assert m.status_on(date(2026, 7, 1)) is MemberStatus.FULL
    assert services.members.list() == []  # gone from the roll today …
    assert [x.id for x in services.members.list(include_former=True)] == [m.id]  # … but kept
    assert [x.id for x in services.members.list(on=date(2026, 7, 1))] == [m.id]
    actions = [e.action for e in services.branch.history("member", m.id)]
    assert "status:chuyen_di" in actions and "add" in actions


def test_a_status_change_that_does_not_fit_is_refused(services) -> None:
    m = add(services, "Đỗ Thị Dung")
    with pytest.raises(ValidationError) as caught:
        services.members.change_status(m.id, StatusEventKind.TEMPORARY_AWAY_ENDED, date(2026, 1, 1))
    assert caught.value.field_errors == {"event": "not_allowed"}
    with pytest.raises(ValidationError):
        services.members.change_status(m.id, StatusEventKind.FULL_MEMBERSHIP, date(2026, 1, 1))  # already official
    assert services.members.get(m.id).events == ()


def test_a_member_without_a_name_is_refused_by_the_service_itself(services, paths) -> None:
    """Not only the form: a direct call with a blank name gets the field error, not a database error."""
    from dataclasses import replace

    m = add(services)
    before = db_fingerprint(paths.database)
    with pytest.raises(ValidationError) as caught:
        services.members.add(replace(m, id=None, full_name="   ", party_card_no="", cccd=""))
    assert caught.value.field_errors == {"full_name": "required"}
    with pytest.raises(ValidationError):
        services.members.update(replace(m, full_name=""))
    assert db_fingerprint(paths.database) == before
    assert [x.full_name for x in services.members.list()] == ["Nguyễn Văn An"]
