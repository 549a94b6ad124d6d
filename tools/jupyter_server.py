"""Runs notebooks the way a learner does in JupyterLab: a `jupyter lab` server starts the kernel, and each
code cell goes to it over the server's websocket, top to bottom, stopping at the first error. The server (and
so every kernel it starts) can run inside a control group, which is how the tests hold the tutorial to a
Binder classroom's memory and CPU.
"""
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import websocket

from control_group import peak_rss_bytes


class CellError(Exception):
    """A cell failed; the message is the kernel's report (exception or compiler message)."""


class JupyterServer:
    def __init__(self, root: Path, env: dict, log: Path, preexec=None):
        self.root = root
        self.kernel_peak_rss = 0
        self.token = secrets.token_hex(16)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log_path = log
        self.log = open(log, "w")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=preexec)
        self._wait_until_up()

    def _request(self, method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read()
            return json.loads(text) if text else {}

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with code {self.process.returncode}; see {self.log_path}")
            try:
                self._request("GET", "/api/status")
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not answer within 120 s; see {self.log_path}")

    def run(self, path: Path, kernel: str, timeout: int, watch=None) -> nbformat.NotebookNode:
        """Executes `path` in a fresh kernel started by the server, in the notebook's folder; returns the executed
        copy, and raises CellError (with that copy as .notebook) at the first failing cell. With `watch` (a control
        group), kernel_peak_rss is the kernel JVM's peak resident size when the notebook ended."""
        notebook = nbformat.read(path, as_version=4)
        session = self._request("POST", "/api/sessions", {
            "path": str(path.relative_to(self.root)), "type": "notebook", "name": path.name, "kernel": {"name": kernel}})
        kernel_id = session["kernel"]["id"]
        channel = websocket.create_connection(
            f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
            header=[f"Authorization: token {self.token}"], timeout=timeout)
        try:
            self._send(channel, "kernel_info_request", {}, "shell", wait=120)
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type == "code" and cell.source.strip():
                    self._execute(channel, cell, index, timeout)
        except CellError as error:
            error.notebook = notebook
            raise
        finally:
            if watch is not None:
                self.kernel_peak_rss = peak_rss_bytes(watch.pids(), "jjava.jar")
            channel.close()
            self._request("DELETE", f"/api/sessions/{session['id']}")
        return notebook

    def _send(self, channel, msg_type: str, content: dict, name: str, wait: int) -> str:
        msg_id = uuid.uuid4().hex
        channel.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "test", "session": uuid.uuid4().hex,
                       "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "content": content, "channel": name, "buffers": []}))
        if msg_type == "kernel_info_request":
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                reply = json.loads(channel.recv())
                if reply.get("parent_header", {}).get("msg_id") == msg_id and reply["msg_type"] == "kernel_info_reply":
                    break
        return msg_id

    def _execute(self, channel, cell, index: int, timeout: int) -> None:
        msg_id = self._send(channel, "execute_request", {
            "code": cell.source, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}, "shell", timeout)
        cell.outputs = []
        by_display = {}
        idle = replied = False
        failed = None
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise CellError(f"cell {index} ran longer than {timeout} s")
            message = json.loads(channel.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            content = message["content"]
            if kind == "status":
                if content["execution_state"] in ("dead", "restarting"):
                    raise CellError(f"cell {index}: the kernel died ({content['execution_state']}); "
                                    "out of memory? (see the control group's OOM count)")
                idle = content["execution_state"] == "idle"
            elif kind == "execute_reply":
                replied = True
                cell.execution_count = content.get("execution_count")
                if content.get("status") == "error":
                    failed = content
            elif kind == "update_display_data":
                for output in by_display.get(content.get("transient", {}).get("display_id"), []):
                    output["data"], output["metadata"] = content["data"], content.get("metadata", {})
            elif kind in ("stream", "display_data", "execute_result", "error"):
                output = nbformat.v4.output_from_msg(message)
                cell.outputs.append(output)
                display_id = content.get("transient", {}).get("display_id")
                if display_id:
                    by_display.setdefault(display_id, []).append(output)
        if failed is not None:
            report = "\n".join([f"{failed.get('ename')}: {failed.get('evalue')}", *failed.get("traceback", [])])
            raise CellError(f"cell {index} failed:\n{cell.source}\n---\n{report}")

    def stop(self) -> None:
        try:
            self._request("POST", "/api/shutdown")
            self.process.wait(timeout=30)
        except Exception:  # an already dead or unresponsive server
            self.process.kill()
        self.log.close()
