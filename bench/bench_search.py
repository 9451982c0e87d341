"""Search over a consolidated-size database: SearchService.search, ranked top 20 with snippets (target ≤ 100 ms).

The database holds 50,000 meeting texts (--quick: 10,000) of about 2.6 KB each, the size of ~170 branches'
twenty years, plus 5,000 members. It is written straight through the search repository in one transaction
(DemoService would take many minutes for this much) and cached under out/bench-cache/.
Run alone: `python bench/bench_search.py [--quick]`.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from _common import BENCH_NOW, cached_file, code_key, median_ms, peak_rss_mb, result

TARGET_MS = 100.0
QUERIES = (
    "nghị quyết",
    "dang phi",
    "Nguyễn Thị Ánh",
    "chuyên đề học tập và làm theo tư tưởng Hồ Chí Minh",
    "kết nạp đảng viên",
    "chỉ thị 50",
    "thoi s",
    "Vị Thanh",
    "bồi dưỡng quần chúng ưu tú",
)

FILLERS = (
    "Chi bộ thảo luận dân chủ, thẳng thắn; các ý kiến tập trung vào giải pháp nâng cao chất lượng dạy và học.",
    "Đồng chí {name} báo cáo tình hình thực hiện nhiệm vụ chuyên môn tháng {month}; tỷ lệ học sinh chuyên cần đạt {pct}%.",
    "Công tác phát triển đảng viên: chi bộ giới thiệu quần chúng ưu tú {name} đi học lớp bồi dưỡng nhận thức về Đảng.",
    "Đề nghị kết nạp đảng viên mới đối với quần chúng {name}; chi bộ biểu quyết {pct}% tán thành.",
    "Triển khai Kế hoạch số {no}-KH/ĐU của Đảng ủy về kiểm tra, giám sát năm {year}.",
    "Tổ chức lấy ý kiến nhận xét đảng viên nơi cư trú tại phường {place}.",
    "Kiểm điểm việc thực hiện nghị quyết tháng trước: còn {n} nhiệm vụ chưa hoàn thành đúng hạn, giao đồng chí {name} đôn đốc.",
    "Đảng phí tháng {month}/{year}: {n} đồng chí đã nộp đầy đủ; đồng chí thủ quỹ báo cáo số dư.",
    "Chuẩn bị tổ chức Đại hội chi bộ nhiệm kỳ {year}–{year2}; phân công tiểu ban văn kiện và nhân sự.",
    "Quán triệt Chỉ thị số {no}-CT/TW của Ban Bí thư và Quy định số {no2}-QĐ/TW về những điều đảng viên không được làm.",
    "Đánh giá, xếp loại chất lượng đảng viên cuối năm {year}: {n} đồng chí hoàn thành xuất sắc nhiệm vụ.",
    "Ý kiến đồng chí {name}: cần tăng cường nắm bắt tư tưởng, dư luận xã hội trong cán bộ, giáo viên tại {place}.",
    "Công tác thi đua khen thưởng: đề nghị tặng giấy khen cho {n} đảng viên có thành tích tiêu biểu.",
    "Thông tin thời sự trong nước và quốc tế; tình hình kinh tế – xã hội của tỉnh {place} tháng {month}.",
)
PLACES = ("Vị Thanh", "Ngã Bảy", "Long Mỹ", "Phụng Hiệp", "Châu Thành", "Cần Thơ", "Sóc Trăng", "Bạc Liêu")


def _names(rng: random.Random, count: int) -> list[str]:
    from app.services.demo import DEM_NAM, DEM_NU, HO, TEN_NAM, TEN_NU

    out = []
    for _ in range(count):
        female = rng.random() < 0.45
        out.append(
            f"{rng.choice(HO)} {rng.choice(DEM_NU if female else DEM_NAM)} {rng.choice(TEN_NU if female else TEN_NAM)}"
        )
    return out


def _meeting(rng: random.Random, ref: int, names: list[str]) -> Any:
    """A Meeting with demo-like sections and opinions plus varied fillers, about 2.6 KB of text."""
    from app.domain.meeting_record import Meeting, MeetingKind, Opinion, Section, Task, Vote
    from app.services.demo import OPINIONS, SECTIONS

    day = date(2007, 1, 5) + timedelta(days=ref % 7000)
    kind = rng.choice((MeetingKind.REGULAR,) * 4 + (MeetingKind.THEMATIC, MeetingKind.COMBINED))

    def filler() -> str:
        return rng.choice(FILLERS).format(
            name=rng.choice(names), month=day.month, year=day.year, year2=day.year + 5, pct=rng.randint(80, 100),
            no=rng.randint(1, 60), no2=rng.randint(1, 200), n=rng.randint(1, 30), place=rng.choice(PLACES),
        )  # fmt: skip

    sections = tuple(Section(t, f"{b} {filler()} {filler()}") for t, b in SECTIONS)
    opinions = tuple(Opinion(rng.choice(names), f"{rng.choice(OPINIONS)} {filler()}") for _ in range(3))
    return Meeting(
        id=ref, kind=kind, on=day, start=clock(14), end=clock(16), agenda=(), sections=sections, opinions=opinions,
        conclusion=f"Đồng chí chủ trì kết luận. {filler()}", dues_note="100% đảng viên nộp đảng phí đầy đủ.",
        votes=(Vote("Thông qua nghị quyết tháng", 20, 0, 0, 20),),
        tasks=(Task(filler(), rng.choice(names)),),
    )  # fmt: skip


def build_database(path: Path, texts: int) -> None:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from app.services.search import meeting_text

    rng = random.Random(50_000)
    names = _names(rng, 5000)
    services = open_services(AppPaths.for_database(path), now=lambda: BENCH_NOW, backup_on_start=False)
    try:
        ctx = services.ctx
        with ctx.db.transaction():  # one transaction: the index is written in seconds, not minutes
            for n, name in enumerate(names, start=1):
                ctx.search.add("member", n, name, f"Giáo viên {rng.choice(PLACES)} {n:06d}")
            for ref in range(1, texts + 1):
                ctx.search.add("meeting", ref, *meeting_text(_meeting(rng, ref, names)))
        ctx.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.close()


def run(quick: bool = False) -> dict[str, Any]:
    from app.bootstrap import open_services
    from app.config import AppPaths

    texts = 10_000 if quick else 50_000
    key = f"{texts}-{code_key('bench/bench_search.py', 'data/migrations', 'data/repositories/search.py')}"
    path, built = cached_file("search", key, lambda p: build_database(p, texts))
    services = open_services(AppPaths.for_database(path), now=lambda: BENCH_NOW, backup_on_start=False)
    try:
        count = services.ctx.search.count()
        size_mb = path.stat().st_size / 1e6
        timings = {}
        for query in QUERIES:
            hits = services.search.search(query, limit=20)
            timings[query] = (median_ms(lambda q=query: services.search.search(q, limit=20), repeat=7), len(hits))
    finally:
        services.close()
    worst_query, (worst, _) = max(timings.items(), key=lambda kv: kv[1][0])
    lines = [f"{q!r}: {ms:.1f} ms, {n} hits" for q, (ms, n) in timings.items()]
    detail = (
        f"{count:,} indexed rows ({texts:,} meeting texts), {size_mb:.0f} MB"
        + (f", built in {built:.1f} s" if built is not None else ", cached")
        + f"; worst query {worst_query!r}\n      "
        + "\n      ".join(lines)
    )
    return result(
        "search_top20", value=worst, unit="ms", target=TARGET_MS, detail=detail, peak_mb=round(peak_rss_mb(), 1)
    )


if __name__ == "__main__":
    started = time.perf_counter()
    print(run("--quick" in sys.argv))
    print(f"({time.perf_counter() - started:.1f} s)")
