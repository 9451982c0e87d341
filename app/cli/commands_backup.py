"""CLI commands `backup`, `backup --to DIR`, `backup list`, `restore FILE`. Parsing and printing only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.bootstrap import open_services
from app.cli.output import CliInputError, print_json, print_table, read_secret_line, say
from app.config import resolve_paths
from app.domain import notices, vntext
from app.domain import security_messages as smsg
from app.domain.backup_info import BackupCheck
from app.domain.errors import StorageError
from app.services import backups as backup_service


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="sao lưu dữ liệu (kiểm tra lại bản sao lưu trước khi báo xong)")
    p.add_argument("--to", metavar="THƯ_MỤC", type=Path, help="sao lưu ra thư mục khác, ví dụ USB (E:\\); được mã hóa")
    p.add_argument(
        "--password-stdin", action="store_true", help="mật khẩu mã hóa bản sao lưu, đọc từ dòng đầu của stdin"
    )
    p.add_argument(
        "--no-encrypt", action="store_true", help="không mã hóa bản sao lưu ra ngoài (ai cầm USB cũng đọc được)"
    )
    p.set_defaults(handler=cmd_backup)
    actions = p.add_subparsers(dest="action", metavar="VIỆC")
    q = actions.add_parser("list", help="các bản sao lưu tự động, mới nhất trước")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_backup_list)

    p = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước)")
    p.add_argument("file", metavar="TỆP", type=Path, help="tệp sao lưu .sqlite3")
    p.add_argument("--check", action="store_true", help="chỉ kiểm tra tệp, không khôi phục")
    p.add_argument("--password-stdin", action="store_true", help="mật khẩu của bản sao lưu mã hóa, đọc từ stdin")
    p.set_defaults(handler=cmd_restore)


def _done(check: BackupCheck) -> str:
    return notices.BACKUP_DONE.format(
        path=check.path, size=vntext.file_size(check.size), members=check.members, meetings=check.meetings
    )


def cmd_backup(args: argparse.Namespace) -> int:
    if args.to is not None and args.no_encrypt and args.password_stdin:
        raise CliInputError(smsg.NO_ENCRYPT_AND_PASSWORD)
    password = read_secret_line() if args.password_stdin else None
    s = open_services(resolve_paths(args.db), backup_on_start=False)
    try:
        if args.to is not None:
            check = s.backups.backup_to(args.to, password=password, encrypt=not args.no_encrypt)
            if args.no_encrypt:
                sys.stderr.write(smsg.NO_ENCRYPT_CLI + "\n")
        else:
            check = s.backups.validate(s.backups.snapshot("thu-cong"))
    finally:
        s.close()
    say(_done(check))
    return 0


def cmd_backup_list(args: argparse.Namespace) -> int:
    # Does not open the database: the list is needed most when the database is damaged.
    paths = resolve_paths(args.db)
    found = backup_service.list_backups(paths)
    if args.json:
        print_json(
            [{"path": str(b.path), "at": b.at, "label": b.label, "reason": b.label_text, "size": b.size} for b in found]
        )
        return 0
    say(notices.BACKUP_FOLDER.format(folder=paths.backups))
    if not found:
        say(notices.BACKUP_NONE.format(folder=paths.backups))
        return 0
    print_table(
        notices.BACKUP_HEADERS,
        [(b.at.strftime("%d/%m/%Y %H:%M:%S"), b.label_text, vntext.file_size(b.size), b.path.name) for b in found],
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.db)
    password = read_secret_line() if args.password_stdin else None
    header = backup_service.read_header(args.file)
    if header is not None:
        say(smsg.encrypted_header_text(args.file, header))
    if args.check:
        if header is not None and password is None:
            return 0  # what can be said without the password has been said
        check = backup_service.check_file(paths, args.file, password)
        say(_checked(check))
        return 0
    try:
        s = open_services(paths, backup_on_start=False)
    except StorageError as error:
        if error.code not in DAMAGED_CODES:
            raise
        # The database cannot be opened: put the validated backup in its place, keeping the damaged file.
        result = backup_service.restore_damaged(paths, args.file, password=password)
    else:
        try:
            result = s.backups.restore(args.file, password)
        finally:
            s.close()
    open_services(paths, backup_on_start=False).close()  # upgrades an older backup and proves it opens
    say(_checked(result.restored))
    say(notices.RESTORE_DONE.format(path=args.file, previous=result.previous))
    return 0


def _checked(check: BackupCheck) -> str:
    return notices.RESTORE_CHECKED.format(
        path=check.path, members=check.members, meetings=check.meetings, version=check.schema_version
    )


#: Refusals of the database file itself (emptied, cut short, overwritten): restoring a backup is the way out.
DAMAGED_CODES = ("database_damaged", "not_a_database")


def damaged_hint(args: argparse.Namespace, *, quiet_if_none: bool = False) -> str:
    """After a damaged-file refusal: the newest backup that passes every check, or that there is none."""
    paths = resolve_paths(args.db)
    good = backup_service.newest_good_backup(paths)
    if good is None:
        if quiet_if_none:
            return ""
        return (
            notices.DAMAGED_NO_BACKUP.format(folder=paths.backups)
            + " "
            + notices.DAMAGED_START_NEW_CLI.format(path=paths.database)
        )
    db = f' --db "{args.db}"' if args.db else ""
    command = f'python -m app{db} restore "{good.path}"'
    return notices.DAMAGED_OFFER.format(path=good.path, at=good.at.strftime("%d/%m/%Y %H:%M"), command=command)
