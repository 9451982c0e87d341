"""Properties of the pure consolidation decisions: one fate per file, one file per branch, the newest wins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.consolidation import BranchFigures, Consolidation, decide


def _figures(i: int, code: str, period: str, made: str) -> BranchFigures:
    return BranchFigures(
        path=f"/usb/{i}.xlsx",
        branch_code=code,
        branch_name=f"CHI BỘ {code.upper()}",
        upper_body="ĐẢNG ỦY KHỐI",
        upper_body_2="",
        period_key=period,
        period_label=period,
        period_start="",
        period_end="",
        generated_at=made,
        app_version="0.1.0",
        figures={"members_total": i + 1, "attendance_present": 9, "attendance_base": 10, "attendance_pct": 90.0},
    )


files = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d"]),
        st.sampled_from(["2026-Q3", "2026-Q2"]),
        st.sampled_from(["2026-10-01T08:00:00", "2026-10-02T08:00:00", "2026-10-03T08:00:00"]),
    ),
    min_size=1,
    max_size=12,
)


@given(files, st.sampled_from([None, "2026-Q3", "2026-Q2"]))
def test_every_file_has_one_fate_and_each_branch_one_file(items, wanted) -> None:  # type: ignore[no-untyped-def]
    candidates = [(i, _figures(i, code, period, made)) for i, (code, period, made) in enumerate(items)]
    accepted, outcomes = decide(candidates, wanted)
    assert sorted(outcomes) == list(range(len(items)))
    period = wanted or items[0][1]
    in_period = [f for _, f in candidates if f.period_key == period]
    assert {f.branch_code for f in accepted} == {f.branch_code for f in in_period}
    assert len(accepted) == len({f.branch_code for f in accepted})
    for fig in accepted:
        newest = max(f.generated_at for f in in_period if f.branch_code == fig.branch_code)
        assert fig.generated_at == newest
    for index, outcome in outcomes.items():
        fig = candidates[index][1]
        if fig.period_key != period:
            assert outcome.status == "rejected" and outcome.code == "summary_wrong_period"
        elif outcome.status == "superseded":
            winner = next(f for f in accepted if f.branch_code == fig.branch_code)
            assert outcome.superseded_by == winner.path != fig.path
        else:
            assert outcome.status == "accepted" and fig in accepted


@given(files)
def test_totals_are_sums_and_the_rate_is_recomputed(items) -> None:  # type: ignore[no-untyped-def]
    candidates = [(i, _figures(i, code, "2026-Q3", made)) for i, (code, _p, made) in enumerate(items)]
    accepted, outcomes = decide(candidates, "2026-Q3")
    result = Consolidation("2026-Q3", "quý III năm 2026", accepted, [outcomes[i] for i in sorted(outcomes)])
    totals = result.totals()
    assert totals["members_total"] == sum(f.figures["members_total"] for f in accepted)
    assert totals["attendance_pct"] == 90.0
