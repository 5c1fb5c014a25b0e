"""
Runs the exports `npm run test:pytorch` wrote (scripts/test-pytorch.ts) in real PyTorch: each NAME.py with
matplotlib's Agg backend (no window), which asserts the lab's losses itself, and each NAME.ipynb through
nbformat.validate. Prints, per run, the steps asserted and the largest relative difference; exits 1 if a script
fails, asserts nothing, or a notebook is invalid, and 3 if this Python lacks torch, matplotlib or nbformat.

    python3 scripts/test-pytorch.py DIR NAME...
"""

import os
import re
import subprocess
import sys
import time

try:
    import matplotlib  # noqa: F401  (the scripts plot with it)
    import nbformat
    import torch
except ImportError as missing:
    sys.stderr.write(f"{missing.name} is not installed for this Python ({sys.executable})\n")
    sys.exit(3)

# The line each check prints once it has asserted its steps (see CHECK_CODE in src/pytorch/python-parts.ts), and
# the note a run that amplifies rounding prints (see python-script.ts).
AGREES = re.compile(r"^(.+): agrees with the lab at steps (.+) \(largest relative difference (\S+)\)$")
AMPLIFIES = re.compile(r"^.+: from step \d+ the run amplifies rounding")


def run_script(folder, name):
    """Runs NAME.py; returns (what it asserted or None on failure, its notes, the output to show on failure,
    seconds)."""
    start = time.monotonic()
    # One thread: these networks are far too small for more, and the machine's cores may be shared.
    env = {"OMP_NUM_THREADS": "1", **os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, f"{name}.py"], cwd=folder, capture_output=True, text=True, env=env)
    seconds = time.monotonic() - start
    lines = result.stdout.splitlines()
    checks = [m.groups() for m in map(AGREES.match, lines) if m]
    notes = [line for line in lines if AMPLIFIES.match(line)]
    if result.returncode != 0 or not checks:
        why = result.stderr.strip().splitlines()[-12:] or ["it asserted nothing"]
        return None, notes, "\n".join(why), seconds
    return checks, notes, "", seconds


def check_notebook(folder, name):
    """Validates NAME.ipynb against nbformat's schema; returns an error message or None."""
    try:
        notebook = nbformat.read(os.path.join(folder, f"{name}.ipynb"), as_version=nbformat.NO_CONVERT)
        nbformat.validate(notebook)
    except Exception as error:  # any reading or schema error is a failure to report
        return f"{type(error).__name__}: {error}"
    return None


def main():
    folder, names = sys.argv[1], sys.argv[2:]
    print(f"torch {torch.__version__}, nbformat {nbformat.__version__}, Python {sys.version.split()[0]}\n")
    failures = 0
    for name in names:
        checks, notes, output, seconds = run_script(folder, name)
        notebook = check_notebook(folder, name)
        print(f"{name} ({seconds:.1f} s): notebook {'valid' if notebook is None else 'INVALID: ' + notebook}")
        if checks is None:
            failures += 1
            print("  FAILED:\n    " + output.replace("\n", "\n    "))
        for label, steps, worst in checks or []:
            print(f"  {label}: steps {steps}; largest relative difference {worst}")
        for note in notes:
            print(f"  ({note})")
        failures += notebook is not None
    print(f"\n{len(names)} exports: {'all agree with the lab' if failures == 0 else f'{failures} failure(s)'}.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
