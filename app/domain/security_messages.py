"""Vietnamese wording of the program password, the recovery sheet and encrypted backups (window and CLI).

Texts only; the rules (minimum length, idle minutes) live in app/services/security.py.
"""

from __future__ import annotations

from app.domain.crypto import IDLE_MAX, IDLE_MIN, MIN_PASSWORD

ERRORS = {
    "fields_locked": "Số CCCD và số điện thoại đang được khóa bằng mật khẩu chương trình. "
    "Hãy mở khóa bằng mật khẩu (hoặc mã khôi phục) rồi làm lại. Dữ liệu không bị thay đổi.",
    "wrong_password": "Mật khẩu không đúng. Dữ liệu không bị thay đổi. Hãy nhập lại (chú ý chữ hoa, chữ thường và dấu).",
    "wrong_recovery_code": "Mã khôi phục không đúng. Hãy đối chiếu lại từng nhóm ký tự trên tờ mã khôi phục.",
    "password_already_set": "Chương trình đã có mật khẩu. Muốn đổi, hãy dùng \u201cĐổi mật khẩu\u201d.",
    "no_password": "Chương trình chưa đặt mật khẩu.",
    "backup_needs_password": "Bản sao lưu ra ngoài máy được mã hóa: hãy nhập mật khẩu cho bản sao lưu "
    "(hoặc chọn rõ \u201cKhông mã hóa\u201d). Chưa ghi tệp nào.",
    "backup_wrong_password": "Mật khẩu của bản sao lưu \u201c{path}\u201d không đúng (hoặc tệp đã bị sửa đổi). "
    "Dữ liệu hiện tại không bị thay đổi. Hãy nhập lại mật khẩu đã đặt khi sao lưu.",
}

FIELD_LABELS = {
    "password": "Mật khẩu",
    "confirm": "Nhập lại mật khẩu",
    "recovery_code": "Mã khôi phục",
    "old_password": "Mật khẩu hiện tại",
    "idle_minutes": "Thời gian tự khóa",
}
FIELD_ERRORS = {
    "password_short": f"{{label}}: phải có ít nhất {MIN_PASSWORD} ký tự.",
    "password_mismatch": "{label}: hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.",
    "recovery_code_format": "{label}: gồm 24 ký tự (6 nhóm 4 ký tự). Hãy nhập đúng như trên tờ mã khôi phục.",
    "idle_range": f"{{label}}: phải từ {IDLE_MIN} đến {IDLE_MAX} phút.",
}

# --------------------------------------------------------------------------- explanations
WHAT_IT_PROTECTS = (
    "Mật khẩu chương trình (không bắt buộc) bảo vệ thông tin cá nhân của đảng viên khi máy dùng chung "
    "hoặc khi mất USB: số CCCD và số điện thoại được mã hóa trong tệp dữ liệu và trong mọi bản sao lưu; "
    "chương trình hỏi mật khẩu khi mở và tự khóa khi không dùng một thời gian."
)
WHAT_IF_FORGOTTEN = (
    "Khi đặt mật khẩu, chương trình đưa ra một tờ “mã khôi phục” (hiện một lần để in, cất cùng sổ biên bản). "
    "Quên mật khẩu thì dùng mã khôi phục để mở dữ liệu và đặt mật khẩu mới. "
    "Mất cả mật khẩu lẫn mã khôi phục thì số CCCD và số điện thoại bị mất hẳn, không ai lấy lại được; "
    "mọi thông tin khác (họ tên, ngày sinh, quê quán, lịch sử đảng viên, biên bản…) vẫn đọc được."
)
NOT_PROTECTED = (
    "Mật khẩu không mã hóa họ tên, ngày sinh, quê quán, biên bản và báo cáo: hãy để máy tính có mật khẩu "
    "đăng nhập Windows và cất USB cẩn thận."
)
FIRST_START_NOTE = (
    "Sau khi lập chi bộ, có thể đặt mật khẩu chương trình ở Cài đặt → Bảo mật để mã hóa số CCCD và số điện thoại. "
    "Bản sao lưu ra USB luôn được mã hóa bằng mật khẩu, trừ khi chọn rõ \u201cKhông mã hóa\u201d."
)
USB_ENCRYPTED_NOTE = (
    "Bản sao lưu đã được mã hóa bằng mật khẩu vừa nhập: không có mật khẩu thì không ai đọc được. "
    "Hãy nhớ mật khẩu này và dùng \u201cgỡ USB an toàn\u201d trước khi rút ra."
)
BACKUP_EXPLAIN = (
    "Bản sao lưu ra USB hoặc ổ đĩa khác được mã hóa bằng mật khẩu (AES-256): người nhặt được USB không đọc được. "
    "Hãy ghi nhớ mật khẩu này; khi khôi phục, chương trình sẽ hỏi lại. Bản sao lưu tự động nằm cạnh tệp dữ liệu "
    "trên máy này và được bảo vệ như chính tệp dữ liệu."
)
NO_ENCRYPT_WARNING = (
    "Bản sao lưu KHÔNG mã hóa chứa toàn bộ danh sách đảng viên"
    "{private}: ai cầm được USB đều đọc được. Chỉ chọn khi thật cần (ví dụ cấp trên yêu cầu tệp không mã hóa) "
    "và cất USB ở nơi an toàn. Lựa chọn này chỉ áp dụng cho lần sao lưu này."
)
NO_ENCRYPT_PRIVATE_CLEAR = ", cả số CCCD và số điện thoại"
NO_ENCRYPT_PRIVATE_SEALED = " (số CCCD và số điện thoại vẫn được mã hóa bằng mật khẩu chương trình)"
NO_ENCRYPT_AND_PASSWORD = "Chọn một trong hai: --password-stdin (mã hóa) hoặc --no-encrypt (không mã hóa)."
NO_ENCRYPT_CLI = "Lưu ý: bản sao lưu này KHÔNG được mã hóa. Ai cầm được tệp đều đọc được dữ liệu của chi bộ."
ENCRYPTED_HEADER = (
    "Tệp {path} là bản sao lưu Sổ Chi bộ đã mã hóa (phiên bản chương trình {app_version}, phiên bản dữ liệu "
    "{schema_version}), tạo lúc {created}, {branch}: {members} đảng viên, {meetings} cuộc sinh hoạt. "
    "Cần mật khẩu để kiểm tra và khôi phục."
)
PASSWORD_SET_DONE = (
    "Đã đặt mật khẩu. Số CCCD và số điện thoại của {members} đảng viên đã được mã hóa trong tệp dữ liệu "
    "và trong {backups} bản sao lưu tự động."
)
RECOVERY_CODE_LINE = "Mã khôi phục (chỉ hiện một lần — hãy in hoặc chép ra giấy, cất cùng sổ biên bản): {code}"
RECOVERED = "Đã mở dữ liệu bằng mã khôi phục và đặt mật khẩu mới. Mã khôi phục cũ vẫn dùng được."
PASSWORD_CHANGED = "Đã đổi mật khẩu."
STATUS_LINES = {
    "password_set": ("Chưa đặt mật khẩu chương trình.", "Đã đặt mật khẩu chương trình."),
    "fields_encrypted": (
        "Số CCCD và số điện thoại đang lưu dạng thường (không mã hóa).",
        "Số CCCD và số điện thoại được mã hóa trong tệp dữ liệu.",
    ),
}
STDIN_EMPTY = "Không đọc được mật khẩu từ đầu vào chuẩn (stdin). Hãy truyền mật khẩu qua stdin, ví dụ: echo ... | python -m app ..."
LOCKED_TITLE = "Sổ Chi bộ đã khóa"
UNLOCK_PROMPT = "Nhập mật khẩu chương trình để mở dữ liệu của chi bộ."
IDLE_LOCKED = "Chương trình đã tự khóa sau {minutes} phút không dùng. Nhập mật khẩu để tiếp tục."
RECOVERY_SHEET_TITLE = "TỜ MÃ KHÔI PHỤC DỮ LIỆU SỔ CHI BỘ"
RECOVERY_SHEET_LINES = (
    "Tờ này dùng khi quên mật khẩu chương trình Sổ Chi bộ. Cất cùng sổ biên bản của chi bộ, không để cạnh máy tính.",
    "Cách dùng: khi chương trình hỏi mật khẩu, bấm \u201cQuên mật khẩu\u201d, nhập mã dưới đây rồi đặt mật khẩu mới.",
    "Mất cả mật khẩu và tờ này thì số CCCD và số điện thoại của đảng viên không lấy lại được "
    "(các thông tin khác vẫn còn).",
)


def encrypted_header_text(path: object, header: object) -> str:
    """What an encrypted backup's readable header says (app.domain.encrypted_backup.BackupHeader)."""
    h = header
    return ENCRYPTED_HEADER.format(
        path=path,
        app_version=h.app_version,  # type: ignore[attr-defined]
        schema_version=h.schema_version,  # type: ignore[attr-defined]
        created=str(h.created).replace("T", " "),  # type: ignore[attr-defined]
        branch=h.branch or "chi bộ",  # type: ignore[attr-defined]
        members=h.members,  # type: ignore[attr-defined]
        meetings=h.meetings,  # type: ignore[attr-defined]
    )
