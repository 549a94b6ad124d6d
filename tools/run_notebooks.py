"""Runs notebooks headless the way a learner runs them in JupyterLab: a `jupyter lab` server starts each
notebook's kernel in the notebook's folder, and the cells run top to bottom; any cell error fails that notebook.
The executed copy goes to --out (sources are never rewritten).

With --memory and --cpus, the server and every kernel it starts run inside one control group with that memory
limit and CPU quota (a Binder classroom: 2g and 1), with MEM_LIMIT and CPU_LIMIT set as JupyterHub sets them;
each notebook's line then shows the group's peak memory and the kernel JVM's peak resident size, and an
out-of-memory kill fails the run. Where control groups are unusable it says so and runs without the limit.

Prints the time per notebook, the notebook's last printed line, and, with --junit, writes a JUnit report.
"""
import argparse
import os
import re
import signal
import sys
import time
import traceback
from pathlib import Path
from xml.sax.saxutils import escape

import nbformat

from control_group import ControlGroup, peak_rss_bytes
import control_group
from jupyter_server import CellError, JupyterServer

ANSI = re.compile(r"\x1b\[[0-9;]*m")
UNITS = {"k": 2**10, "m": 2**20, "g": 2**30}


def error_text(cell) -> str:
    """The kernel's own error report of a cell (exception or compiler message), without colours."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            lines = [f"{output.get('ename')}: {output.get('evalue')}", *output.get("traceback", [])]
            return ANSI.sub("", "\n".join(lines))
    return ""


def last_line(notebook) -> str:
    """The last line of text the notebook's last code cell showed: the figures its check cell ends with."""
    for cell in reversed([c for c in notebook.cells if c.cell_type == "code"]):
        for output in reversed(cell.get("outputs", [])):
            if "image/png" in output.get("data", {}):
                continue  # a picture's text is only the Java object's name
            text = output.get("text") or output.get("data", {}).get("text/plain", "")
            if text.strip():
                return text.strip().splitlines()[-1].strip('"')
    return ""


def gigabytes(size: int) -> str:
    return f"{size / 2**30:.2f} GB"


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([kmg]?)", text.lower())
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 2g or 1536m")
    return int(float(match.group(1)) * UNITS.get(match.group(2), 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--kernel", default="gan-java")
    parser.add_argument("--out", type=Path, default=Path("build/notebooks"))
    parser.add_argument("--junit", type=Path)
    parser.add_argument("--timeout", type=int, default=1800, help="seconds allowed per cell")
    parser.add_argument("--memory", type=parse_size, help="memory limit of the server and its kernels, e.g. 2g")
    parser.add_argument("--cpus", type=float, help="CPU quota of the server and its kernels, e.g. 1")
    parser.add_argument("--max-minutes", type=float, help="fail a notebook that takes longer")
    parser.add_argument("--max-kernel-memory", type=parse_size, help="fail a notebook whose kernel JVM peaks higher, e.g. 1.6g")
    args = parser.parse_args()
    # A stopped run still shuts the server down and removes its control group.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    paths = sorted(path.resolve() for path in args.notebooks)
    root = Path(os.path.commonpath([path.parent for path in paths]))
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    group = None
    if args.memory or args.cpus:
        memory = args.memory or 2**40
        cpus = args.cpus or float(os.cpu_count())
        group = ControlGroup.create(f"gan-notebooks-{os.getpid()}", memory, cpus)
        if group is None:
            print(f"note: {control_group.unavailable}; running without the {gigabytes(memory)} / {cpus:g}-CPU limit")
        else:
            env.update(MEM_LIMIT=str(memory), CPU_LIMIT=f"{cpus:g}")
            print(f"JupyterLab and its kernels run in a control group of {gigabytes(memory)} and {cpus:g} CPU")

    cases = []
    server = None
    try:
        server = JupyterServer(root, env, log=args.out / "jupyter-server.log", preexec=group.preexec if group else None)
        for path in paths:
            if group:
                group.reset_peak()
            started = time.monotonic()
            error = None
            notebook = nbformat.read(path, as_version=4)
            try:
                notebook = server.run(path, args.kernel, args.timeout, watch=group)
            except CellError as failure:
                notebook = getattr(failure, "notebook", notebook)
                error = str(failure)
            except Exception:  # an unresponsive server or kernel: report it like a failed cell
                error = traceback.format_exc()
            seconds = time.monotonic() - started
            nbformat.write(notebook, args.out / path.name)
            if not error and args.max_minutes and seconds > 60 * args.max_minutes:
                error = f"took {seconds / 60:.1f} minutes, more than the {args.max_minutes:g} allowed"
            if not error and group and args.max_kernel_memory and server.kernel_peak_rss > args.max_kernel_memory:
                error = (f"the kernel JVM peaked at {gigabytes(server.kernel_peak_rss)}, "
                         f"more than the {gigabytes(args.max_kernel_memory)} allowed")
            memory_note = ""
            if group:
                memory_note = (f"  peak {gigabytes(group.peak_bytes())} (kernel JVM {gigabytes(server.kernel_peak_rss)})")
            print(f"{'FAIL' if error else 'ok  '} {path.name:32s} {seconds:7.1f} s{memory_note}"
                  + ("" if error else f"  {last_line(notebook)[:100]}"), flush=True)
            if error:
                print(error, file=sys.stderr)
            cases.append((path.stem, seconds, error))
    finally:
        if server:
            server.stop()
        if group:
            kills = group.oom_kills()
            print(f"memory: out-of-memory kills in the control group: {kills}")
            if kills:
                cases.append(("out-of-memory", 0.0, f"{kills} process(es) killed for using more than the memory limit"))
            group.remove()

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
