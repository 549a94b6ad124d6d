"""Writes the tutorial's kernel.json: JJava with the lib jar on its classpath, started by tools/kernel-start,
which fits the JVM to the machine's memory and CPU budget at every start.

Usage: kernelspec.py KERNEL_DIR LIB_JAR JAVA_BIN_DIR KERNEL_START
"""
import json
import os
import sys
from pathlib import Path

kernel_dir, lib_jar, java_bin, kernel_start = sys.argv[1:5]

env = {
    # The JDK that built the jar, ahead of whatever else is on PATH.
    "PATH": java_bin + ":${PATH}",
    "JJAVA_CLASSPATH": str(Path(lib_jar).resolve()),
    # Training cells run for minutes; never cut them off.
    "JJAVA_TIMEOUT": "-1",
    # ND4J's OpenMP threads otherwise spin while waiting and starve each other on small
    # machines (the image GAN ran ten times slower with more threads than cores).
    "OMP_WAIT_POLICY": "PASSIVE",
}
# JVM options chosen at setup time outlive the shell they were set in.
if os.environ.get("GAN_JVM_OPTS"):
    env["GAN_JVM_OPTS"] = os.environ["GAN_JVM_OPTS"]

spec = {
    "argv": [str(Path(kernel_start).resolve()), "{resource_dir}", "{connection_file}"],
    "display_name": "Java (GAN tutorial)",
    "language": "java",
    "interrupt_mode": "message",
    "env": env,
    "metadata": {"debugger": False},
}
Path(kernel_dir, "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
