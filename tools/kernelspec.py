"""Writes the tutorial's kernel.json: JJava with the lib jar on its classpath, started through blas-env.

Usage: kernelspec.py KERNEL_DIR LIB_JAR JAVA_BIN_DIR "JVM OPTIONS"
"""
import json
import shutil
import sys
from pathlib import Path

kernel_dir, lib_jar, java_bin, jvm_opts = sys.argv[1:5]
# The kernel starts through its own copy of blas-env, so it works wherever Jupyter runs it from.
shutil.copy(Path(__file__).with_name("blas-env"), kernel_dir)

spec = {
    "argv": [
        # Picks OpenBLAS's kernel from the CPU's features at each start (a copy of tools/blas-env), as ./gan does.
        "{resource_dir}/blas-env",
        "java",
        "-jar",
        "{resource_dir}/jjava-launcher.jar",
        "{resource_dir}/jjava.jar",
        "{connection_file}",
    ],
    "display_name": "Java (GAN tutorial)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        # The JDK that built the jar, ahead of whatever else is on PATH.
        "PATH": java_bin + ":${PATH}",
        "JJAVA_CLASSPATH": str(Path(lib_jar).resolve()),
        "JJAVA_JVM_OPTS": jvm_opts,
        # Training cells run for minutes; never cut them off.
        "JJAVA_TIMEOUT": "-1",
        # ND4J's OpenMP threads otherwise spin while waiting and starve each other on small
        # machines (the image GAN ran ten times slower with more threads than cores).
        "OMP_WAIT_POLICY": "PASSIVE",
    },
    "metadata": {"debugger": False},
}
Path(kernel_dir, "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
