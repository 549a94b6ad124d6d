"""Runs notebooks headless with nbclient, the way a learner would run them top to bottom.

Each notebook runs with its own folder as working directory; the executed copy goes to
--out (sources are never rewritten). Any cell error fails that notebook. Prints the time per
notebook and, with --junit, writes a JUnit report for the test summary.
"""
import argparse
import re
import sys
import time
import traceback
from pathlib import Path
from xml.sax.saxutils import escape

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def error_text(cell) -> str:
    """The kernel's own error report of a cell (exception or compiler message), without colours."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            lines = [f"{output.get('ename')}: {output.get('evalue')}", *output.get("traceback", [])]
            return ANSI.sub("", "\n".join(lines))
    return ""


def first_error(notebook) -> str:
    for index, cell in enumerate(notebook.cells):
        text = error_text(cell)
        if text:
            return f"cell {index} failed:\n{cell.source}\n---\n{text}"
    return ""


def run(path: Path, out_dir: Path, kernel: str, timeout: int) -> tuple[float, str | None]:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = first_error(notebook) or str(e)
    except Exception:  # a dead or unresponsive kernel: report it like a failed cell
        error = traceback.format_exc()
    finally:
        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, out_dir / path.name)
    return time.monotonic() - started, error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--kernel", default="gan-java")
    parser.add_argument("--out", type=Path, default=Path("build/notebooks"))
    parser.add_argument("--junit", type=Path)
    parser.add_argument("--timeout", type=int, default=1800, help="seconds allowed per cell")
    args = parser.parse_args()

    cases = []
    for path in sorted(args.notebooks):
        seconds, error = run(path.resolve(), args.out, args.kernel, args.timeout)
        print(f"{'FAIL' if error else 'ok  '} {path.name:40s} {seconds:7.1f} s", flush=True)
        if error:
            print(error, file=sys.stderr)
        cases.append((path.stem, seconds, error))

    if args.junit:
        args.junit.parent.mkdir(parents=True, exist_ok=True)
        failed = sum(1 for _, _, e in cases if e)
        rows = [
            f'<testcase classname="notebooks" name="{escape(name)}" time="{seconds:.1f}">'
            + (f'<failure message="cell error">{escape(error)}</failure>' if error else "")
            + "</testcase>"
            for name, seconds, error in cases
        ]
        args.junit.write_text(
            f'<testsuite name="notebooks" tests="{len(cases)}" failures="{failed}">'
            + "".join(rows) + "</testsuite>\n"
        )
    return 1 if any(e for _, _, e in cases) else 0


if __name__ == "__main__":
    sys.exit(main())
