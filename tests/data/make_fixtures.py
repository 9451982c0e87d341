"""Builds the checked-in database of each released schema version (run by hand when a version is released).

    .venv/bin/python tests/data/make_fixtures.py

The files are committed (TagStudio's idea): a migration test must upgrade a file that an older build
really wrote, not one the current code reconstructs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"


def make_v1(path: Path) -> None:
    from app.domain.vntext import name_sort_key
    from data.db import APPLICATION_ID
    from data.migrations import m0001_initial

    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    m0001_initial.upgrade(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO branch (id, branch_name, upper_body, place_name, branch_code) VALUES "
        "(1, 'CHI BỘ KHU PHỐ 3', 'ĐẢNG ỦY PHƯỜNG I', 'Vị Thanh', 'v1-fixture')"
    )
    members = [
        ("Nguyễn Văn An", "Nguyễn", "Văn", "An", "nguyen van an", "1960-05-01", "1985-03-02", "1986-03-02", "10000001"),
        ("Trần Thị Ánh", "Trần", "Thị", "Ánh", "tran thi anh", "1975-01-20", "2001-09-01", "2002-09-01", "10000002"),
        ("Lê Đức Thọ", "Lê", "Đức", "Thọ", "le duc tho", "1990-12-12", "2024-06-01", None, ""),
    ]
    for i, (full, ho, dem, ten, fold, born, joined, official, card) in enumerate(members, start=1):
        conn.execute(
            "INSERT INTO member (id, full_name, ho, dem, ten, name_fold, sort_key, date_of_birth, joined_on, "
            "official_on, party_card_no) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (i, full, ho, dem, ten, fold, name_sort_key(ho, dem, ten), born, joined, official, card),
        )
    conn.execute(
        "INSERT INTO member_event (member_id, kind, on_date, note) VALUES (1, 'mien_sh', '2025-01-10', 'Tuổi cao')"
    )
    conn.execute(
        "INSERT INTO meeting (id, kind, on_date, start_time, end_time, place, conclusion, status) VALUES "
        "(1, 'thuong_ky', '2025-03-05', '14:00', '15:45', 'Nhà văn hóa khu phố', "
        "'Chi bộ thống nhất đẩy mạnh học tập và làm theo gương Bác.', 'draft')"
    )
    for member_id, code in ((1, "mien_sh"), (2, "co_mat"), (3, "vang_khong_ly_do")):
        conn.execute(
            "INSERT INTO attendance (meeting_id, member_id, code, member_name) "
            "SELECT 1, id, ?, full_name FROM member WHERE id = ?",
            (code, member_id),
        )
    conn.execute(
        "INSERT INTO opinion (meeting_id, position, speaker_id, speaker_name, text) VALUES "
        "(1, 0, 2, 'Trần Thị Ánh', 'Đề nghị quan tâm công tác dân vận ở khu phố.')"
    )
    conn.execute("INSERT INTO topic_assignment (id, year, quarter, title) VALUES (1, 2025, 1, 'Chuyên đề năm 2025')")
    conn.execute("INSERT INTO topic_assignee (assignment_id, member_id, lead) VALUES (1, 2, 1)")
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def make_version(path: Path, version: int) -> None:
    """The v1 file above, upgraded step by step by the released migrations up to *version*.

    Made when version *version* + 1 is added: the file that build *version* left on a secretary's disk.
    """
    from data.db import APPLICATION_ID
    from data.migrations import MIGRATIONS

    make_v1(path)
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS:
        if 1 < step.VERSION <= version:
            conn.execute("BEGIN")
            step.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {int(step.VERSION)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


if __name__ == "__main__":
    # python tests/data/make_fixtures.py [VERSION ...]   (default: every version but the latest)
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from data.migrations import LATEST_VERSION

    HERE.mkdir(exist_ok=True)
    wanted = [int(a) for a in sys.argv[1:]] or list(range(1, LATEST_VERSION))
    for v in wanted:
        target = HERE / f"sochibo_v{v}.sqlite3"
        if v == 1:
            make_v1(target)
        else:
            make_version(target, v)
        print("written", target)
