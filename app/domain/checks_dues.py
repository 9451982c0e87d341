"""The dues rule checks: months without dues (Charter Art. 8, as the absences) and members with no basis.

Pure functions over checks.BranchData (its ``dues`` and ``dues_rules``); silent while the branch keeps no
dues book here. The arithmetic is app.domain.dues_ledger's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.domain import messages_dues as mdues
from app.domain.dues_ledger import basis_missing, unpaid_months
from app.domain.findings import Finding, RuleId, Severity

if TYPE_CHECKING:
    from app.domain.checks import BranchData


def run(data: BranchData, year: int) -> list[Finding]:
    """Both dues checks, each finding carrying its legal basis from the dues rules (resources/rules/dues.json)."""
    found = dues_unpaid(data, year) + dues_basis_missing(data, year)
    basis = data.dues_rules.unpaid_basis if data.dues_rules is not None else ""
    return [replace(f, facts={**f.facts, "basis": basis}) if basis else f for f in found]


def dues_unpaid(data: BranchData, year: int) -> list[Finding]:
    """Ended months of *year* with no dues paid and no accepted reason: warning at 2, alert at 3."""
    if data.dues is None or data.dues_rules is None or not data.dues.tracked:
        return []
    rules = data.dues_rules
    names = {m.id: m.full_name for m in data.members}
    findings = []
    for member_id, months in sorted(
        unpaid_months(data.members, data.dues, rules, year, data.today, data.record_start).items()
    ):
        count = len(months)
        if count >= rules.unpaid_alert:
            severity, template = Severity.ALERT, mdues.UNPAID_ALERT
        elif count >= rules.unpaid_warning:
            severity, template = Severity.WARNING, mdues.UNPAID_WARNING
        else:
            continue
        text = template.format(
            name=names.get(member_id, f"#{member_id}"), count=count, year=year, months=", ".join(map(str, months))
        )
        findings.append(Finding(RuleId.DUES_UNPAID, severity, text, member_id=member_id, period=str(year)))
    return findings


def dues_basis_missing(data: BranchData, year: int) -> list[Finding]:
    """A member who owes dues this year but has no basis to compute them from."""
    if data.dues is None or data.dues_rules is None:
        return []
    return [
        Finding(
            RuleId.DUES_BASIS_MISSING,
            Severity.WARNING,
            mdues.BASIS_MISSING.format(name=member.full_name, month=month.label),
            member_id=member.id,
            period=str(year),
        )
        for member, month in basis_missing(
            data.members, data.dues, data.dues_rules, year, data.today, data.record_start
        )
    ]
