"""A Linux control group with a memory limit and a CPU quota, for running the tutorial as a classroom on Binder
would (about 2 GB and one CPU): processes started with `preexec` join it, and afterwards it tells the peak
memory and whether the kernel's out-of-memory killer struck. Works with cgroup v2 and v1 (memory and cpu
controllers); needs root or a delegated hierarchy. `ControlGroup.create` returns None, with the reason in
`unavailable`, where neither is usable.
"""
import os
import signal
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PERIOD = 100_000
unavailable = ""


class ControlGroup:
    def __init__(self, folders: list[Path], v2: bool):
        self.folders = folders
        self.v2 = v2

    @staticmethod
    def create(name: str, memory_bytes: int, cpus: float) -> "ControlGroup | None":
        global unavailable
        try:
            if (ROOT / "cgroup.controllers").exists():
                folder = ROOT / name
                (ROOT / "cgroup.subtree_control").write_text("+memory +cpu")
                folder.mkdir()
                (folder / "memory.max").write_text(str(memory_bytes))
                if (folder / "memory.swap.max").exists():
                    (folder / "memory.swap.max").write_text("0")
                (folder / "cpu.max").write_text(f"{int(cpus * PERIOD)} {PERIOD}")
                return ControlGroup([folder], v2=True)
            memory = ROOT / "memory" / name
            cpu = next(ROOT / d / name for d in ("cpu", "cpu,cpuacct") if (ROOT / d).is_dir())
            memory.mkdir()
            cpu.mkdir()
            (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
            (cpu / "cpu.cfs_period_us").write_text(str(PERIOD))
            (cpu / "cpu.cfs_quota_us").write_text(str(int(cpus * PERIOD)))
            return ControlGroup([memory, cpu], v2=False)
        except (OSError, StopIteration) as error:
            unavailable = f"control groups are not usable here ({error})"
            return None

    def preexec(self) -> None:
        """For subprocess.Popen(preexec_fn=...): the child joins the group before it runs anything."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def _memory(self, v2_file: str, v1_file: str) -> Path:
        return self.folders[0] / (v2_file if self.v2 else v1_file)

    def reset_peak(self) -> None:
        """Starts a new peak measurement where the kernel allows it (v1; v2 from Linux 6.12)."""
        try:
            self._memory("memory.peak", "memory.max_usage_in_bytes").write_text("0")
        except OSError:
            pass

    def peak_bytes(self) -> int:
        """Highest memory use of the group, page cache included (v2 before Linux 5.19: current use)."""
        peak = self._memory("memory.peak", "memory.max_usage_in_bytes")
        if not peak.exists():
            peak = self._memory("memory.current", "memory.usage_in_bytes")
        return int(peak.read_text().split()[0])

    def oom_kills(self) -> int:
        """Processes the out-of-memory killer ended inside the group."""
        text = self._memory("memory.events", "memory.oom_control").read_text()
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def pids(self) -> list[int]:
        return [int(pid) for pid in (self.folders[0] / "cgroup.procs").read_text().split()]

    def remove(self) -> None:
        for _ in range(50):
            left = self.pids()
            if not left:
                break
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.1)
        for folder in self.folders:
            try:
                folder.rmdir()
            except OSError:
                pass


def peak_rss_bytes(pids: list[int], command_part: str) -> int:
    """The highest resident-set high-water mark (VmHWM) among the live processes whose command line has `command_part`."""
    peak = 0
    for pid in pids:
        try:
            if command_part not in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                continue
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) * 1024)
        except OSError:
            continue
    return peak
