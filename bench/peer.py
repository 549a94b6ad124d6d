"""Times `./gan bench` and its PyTorch twins (bench/torch_twins.py) side by side, in one run.

Rounds alternate which side goes first, so a neighbour's load that comes and goes falls on both;
each round prints the machine's load, both sides' figures and their ratio, and the run ends with
the median ratio per figure. Ratio = Java's ms/iter over PyTorch's: below 1.0 Java is faster.

  python3 bench/peer.py --install            # first time: PyTorch from PyPI into build/peer-torch (~5 GB)
  python3 bench/peer.py                      # then: 3 rounds against build/peer-torch
  python3 bench/peer.py --python /usr/bin/python3 --rounds 5   # any Python with torch (Debian's python3-torch)
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TORCH_ENV = ROOT / "build" / "peer-torch"
FIGURES = {
    "gan1d": r"gan1d ms/iter: ([0-9.]+)",
    "dcgan64": r"dcgan64 ms/iter: ([0-9.]+)",
    "dcgan64_frozen": r"dcgan64 frozen-D ms/iter: ([0-9.]+)",
    "matmul": r"matmul fp32 1024\^2 GFLOP/s: ([0-9.]+)",
}


def install():
    """A throwaway environment with PyPI's torch. Its wheel pulls NVIDIA's CUDA libraries even for CPU use."""
    print(f"Installing PyTorch into {TORCH_ENV.relative_to(ROOT)} (PyPI's wheel brings about 5 GB of CUDA "
          "libraries; delete the folder when done)...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(TORCH_ENV)], check=True)
    subprocess.run([str(TORCH_ENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "torch"], check=True)


def figures(text):
    found = {}
    for name, pattern in FIGURES.items():
        match = re.search(pattern, text)
        if match:
            found[name] = float(match.group(1))
    return found


def run(command, env):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def load():
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="a Python with torch installed (default: build/peer-torch)")
    parser.add_argument("--install", action="store_true", help="install PyTorch from PyPI into build/peer-torch first")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of both sides (default 3)")
    args = parser.parse_args()
    if args.install:
        install()
    python = args.python or str(TORCH_ENV / "bin" / "python")
    if not Path(python).exists() or subprocess.run([python, "-c", "import torch"], capture_output=True).returncode != 0:
        sys.exit(f"error: {python} has no torch; run `python3 bench/peer.py --install`, or pass --python with one that has")

    # Both sides get the launcher's environment: OpenMP threads that wait passively (./gan sets it; with
    # spinning threads a busy 2-core machine slowed PyTorch's 1D GAN twentyfold) and the same cores.
    env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))
    java = [str(ROOT / "gan"), "bench"]
    torch = [python, str(ROOT / "bench" / "torch_twins.py")]
    print(run(torch + ["--only", "matmul"], env).splitlines()[0], flush=True)
    print(run([str(ROOT / "gan"), "backend"], env), flush=True)

    ratios = {name: [] for name in FIGURES}
    for round_number in range(1, args.rounds + 1):
        order = [("java", java), ("torch", torch)]
        if round_number % 2 == 0:
            order.reverse()
        seen = {}
        for side, command in order:
            before = load()
            seen[side] = figures(run(command, env))
            print(f"round {round_number} {side:5s} (load {before} before, {load()} after): "
                  + ", ".join(f"{k} {v:g}" for k, v in seen[side].items()), flush=True)
        # Java's D is always frozen during G's step; PyTorch's is in one of its two DCGAN figures.
        seen["java"]["dcgan64_frozen"] = seen["java"].get("dcgan64")
        for name in FIGURES:
            if seen["java"].get(name) and name in seen["torch"]:
                # For matmul (GFLOP/s, higher is better) the ratio is ND4J's share of PyTorch's.
                ratios[name].append(seen["java"][name] / seen["torch"][name])

    print()
    print(f"gan1d ratio Java/PyTorch (ms/iter; below 1 Java is faster): {statistics.median(ratios['gan1d']):.2f}")
    print(f"dcgan64 ratio Java/PyTorch (ms/iter; below 1 Java is faster): {statistics.median(ratios['dcgan64']):.2f}")
    print(f"dcgan64 ratio Java/PyTorch with D frozen on both sides: {statistics.median(ratios['dcgan64_frozen']):.2f}")
    print(f"matmul ND4J/PyTorch (GFLOP/s): {100 * statistics.median(ratios['matmul']):.0f}%")


if __name__ == "__main__":
    main()
