"""v1: branch profile, members with status history, meetings with attendance, votes, tasks, topics."""

from __future__ import annotations

import sqlite3

VERSION = 1

STATEMENTS = (
    """CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE branch (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        branch_name TEXT NOT NULL DEFAULT '',
        upper_body TEXT NOT NULL DEFAULT '',
        upper_body_2 TEXT NOT NULL DEFAULT '',
        place_name TEXT NOT NULL DEFAULT '',
        term_start TEXT, term_end TEXT,
        secretary_id INTEGER, deputy_id INTEGER,
        committee_ids TEXT NOT NULL DEFAULT '[]',
        branch_code TEXT NOT NULL DEFAULT '',
        layout_profile TEXT NOT NULL DEFAULT 'HD36-2018'
    )""",
    """CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        ho TEXT NOT NULL DEFAULT '', dem TEXT NOT NULL DEFAULT '', ten TEXT NOT NULL DEFAULT '',
        name_fold TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        date_of_birth TEXT,
        gender TEXT NOT NULL DEFAULT '', ethnicity TEXT NOT NULL DEFAULT '', religion TEXT NOT NULL DEFAULT '',
        hometown TEXT NOT NULL DEFAULT '', residence TEXT NOT NULL DEFAULT '',
        cccd TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
        joined_on TEXT NOT NULL, official_on TEXT, branch_since TEXT,
        party_card_no TEXT NOT NULL DEFAULT '', record_no TEXT NOT NULL DEFAULT '',
        party_position TEXT NOT NULL DEFAULT 'Đảng viên', job_position TEXT NOT NULL DEFAULT '',
        theory_level TEXT NOT NULL DEFAULT '', education TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX member_card ON member (party_card_no) WHERE party_card_no <> ''",
    "CREATE UNIQUE INDEX member_cccd ON member (cccd) WHERE cccd <> ''",
    "CREATE INDEX member_sort ON member (sort_key)",
    """CREATE TABLE member_event (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX member_event_member ON member_event (member_id, on_date)",
    """CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('thuong_ky', 'chuyen_de', 'ket_hop', 'bat_thuong')),
        on_date TEXT NOT NULL,
        start_time TEXT, end_time TEXT,
        place TEXT NOT NULL DEFAULT '', form TEXT NOT NULL DEFAULT 'truc_tiep',
        title TEXT NOT NULL DEFAULT '',
        presider_id INTEGER REFERENCES member (id), presider_name TEXT NOT NULL DEFAULT '',
        recorder_id INTEGER REFERENCES member (id), recorder_name TEXT NOT NULL DEFAULT '',
        guests TEXT NOT NULL DEFAULT '[]',
        agenda TEXT NOT NULL DEFAULT '[]',
        sections TEXT NOT NULL DEFAULT '[]',
        conclusion TEXT NOT NULL DEFAULT '',
        thematic_conclusion TEXT NOT NULL DEFAULT '',
        presenters TEXT NOT NULL DEFAULT '[]',
        topic_summary TEXT NOT NULL DEFAULT '',
        dues_note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'locked')),
        adopted_on TEXT,
        doc_number TEXT NOT NULL DEFAULT '',
        resolution_number TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX meeting_date ON meeting (on_date)",
    """CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id),
        code TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        member_name TEXT NOT NULL DEFAULT '',
        official INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (meeting_id, member_id)
    )""",
    "CREATE INDEX attendance_member ON attendance (member_id)",
    """CREATE TABLE opinion (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker_id INTEGER REFERENCES member (id),
        speaker_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        part TEXT NOT NULL DEFAULT 'regular'
    )""",
    """CREATE TABLE vote (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        item TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT 'giơ tay',
        votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
        votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
        votes_other INTEGER NOT NULL DEFAULT 0 CHECK (votes_other >= 0),
        base INTEGER NOT NULL DEFAULT 0,
        rule TEXT NOT NULL DEFAULT 'majority'
    )""",
    """CREATE TABLE task (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        assignee_id INTEGER REFERENCES member (id),
        assignee_name TEXT NOT NULL DEFAULT '',
        due TEXT,
        done INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE topic_catalogue (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        grp TEXT NOT NULL DEFAULT '',
        basis_doc TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE topic_assignment (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        title TEXT NOT NULL,
        grp TEXT NOT NULL DEFAULT '',
        basis_doc TEXT NOT NULL DEFAULT '',
        assigned_on TEXT, draft_due TEXT, approved_on TEXT, materials_sent_on TEXT,
        status TEXT NOT NULL DEFAULT 'planned',
        meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX topic_assignment_period ON topic_assignment (year, quarter)",
    """CREATE TABLE topic_assignee (
        assignment_id INTEGER NOT NULL REFERENCES topic_assignment (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id),
        lead INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (assignment_id, member_id)
    )""",
    """CREATE TABLE doc_counter (
        doc_type TEXT NOT NULL,
        term_key TEXT NOT NULL,
        last_no INTEGER NOT NULL,
        PRIMARY KEY (doc_type, term_key)
    )""",
)


def upgrade(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
