"""Runs Quire and nbformat on the same notebook, alternating, and prints wall time, peak RSS and ratios."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from side_by_side import alternate, report  # noqa: E402

quire, notebook, out_dir, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
python = sys.executable
peer = "import nbformat, sys; nbformat.write(nbformat.read(sys.argv[1], as_version=4), sys.argv[2])"
commands = {
    "quire": [quire, "fmt", notebook, "-o", os.path.join(out_dir, "quire.ipynb")],
    "nbformat": [python, "-c", peer, notebook, os.path.join(out_dir, "nbformat.ipynb")],
}

results = alternate(commands, runs)
with open(os.path.join(out_dir, "quire.ipynb"), "rb") as a, open(os.path.join(out_dir, "nbformat.ipynb"), "rb") as b:
    same = a.read() == b.read()
size = os.path.getsize(notebook) / 2**20
print(f"input: {notebook} ({size:.1f} MiB), {runs} runs each, outputs byte-identical: {same}")
report(results, "nbformat", wall_target=0.2, rss_target=0.5)
