"""Check the installed packages for known vulnerabilities with pip-audit, and say plainly how many
could actually be checked.

    python tools/audit.py

Exits 1 when pip-audit reports a known vulnerability (or fails to run). A package whose advisory
data cannot be fetched (an offline machine, or a package index that does not serve per-version
data) is listed as unchecked rather than counted as clean.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def main() -> int:
    result = subprocess.run([str(PIP_AUDIT), "--format", "json", "--progress-spinner", "off", "--skip-editable"],
                            capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stderr or result.stdout, file=sys.stderr)
        return 1
    packages = report.get("dependencies", [])
    vulnerable = [p for p in packages if p.get("vulns")]
    unchecked = [p for p in packages if p.get("skip_reason")]
    checked = len(packages) - len(unchecked)
    for package in vulnerable:
        for vuln in package["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"VULNERABLE {package['name']} {package['version']}: {vuln['id']} (fixed in {fixed})")
    print(f"{checked} of {len(packages)} installed packages checked; {len(vulnerable)} with known vulnerabilities.")
    if unchecked:
        reasons = sorted({p["skip_reason"].split(":")[0] for p in unchecked})
        print(f"{len(unchecked)} could not be checked from this machine ({'; '.join(reasons)}): "
              + ", ".join(p["name"] for p in unchecked))
    print(outcome(checked, len(packages), len(vulnerable)))
    return 1 if vulnerable or result.returncode not in (0, 1) else 0


def outcome(checked: int, total: int, vulnerable: int) -> str:
    """The audit's one-line result. Only a run that checked every package may say it passed; one
    that could check none says so and is not a pass, though it does not fail the build (a machine
    without access to the advisory service cannot know)."""
    if vulnerable:
        return f"AUDIT FAILED: {vulnerable} package(s) with known vulnerabilities."
    if total and checked == 0:
        return ("AUDIT NOT CHECKED: no package could be checked (the advisory service could not be reached). "
                "Run `make audit` on a machine with internet access.")
    if checked < total:
        return f"AUDIT INCOMPLETE: {total - checked} of {total} packages not checked; none of the others is vulnerable."
    return f"AUDIT PASSED: all {total} packages checked, none with known vulnerabilities."


if __name__ == "__main__":
    sys.exit(main())
