"""Renders one notebook with Quire and with nbconvert, alternating, and prints wall time, peak RSS and ratios."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from side_by_side import alternate, report  # noqa: E402

quire, notebook, out_dir, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
venv_bin = os.path.dirname(sys.executable)
commands = {
    "quire": [quire, "render", notebook, "-o", os.path.join(out_dir, "quire.html")],
    "nbconvert": [os.path.join(venv_bin, "jupyter-nbconvert"), "--to", "html", "--log-level", "ERROR",
                  "--output-dir", out_dir, "--output", "nbconvert", notebook],
}

results = alternate(commands, runs)
size = os.path.getsize(notebook) / 2**20
sizes = {n: os.path.getsize(os.path.join(out_dir, f"{n}.html")) / 2**20 for n in commands}
print(f"input: {notebook} ({size:.1f} MiB), {runs} runs each; HTML written: "
      + ", ".join(f"{n} {s:.1f} MiB" for n, s in sizes.items()))
report(results, "nbconvert", wall_target=0.05, rss_target=0.25)
