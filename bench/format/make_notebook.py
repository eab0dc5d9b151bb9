"""Writes a deterministic ~20 MB notebook with many outputs and images (the format benchmark's input)."""
import base64
import random
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

rng = random.Random(42)
target = int(sys.argv[2]) if len(sys.argv) > 2 else 20 * 1024 * 1024
nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
size, i = 0, 0
while size < target:
    nb.cells.append(new_markdown_cell(f"## Section {i}\n\nSome *markdown* with math $x^{i}$ and ünïcödé ✓."))
    png = base64.b64encode(rng.randbytes(30_000)).decode()
    table = "<table>" + "".join(f"<tr><td>{r}</td><td>{rng.random():.6f}</td></tr>" for r in range(50)) + "</table>"
    outputs = [
        new_output("stream", name="stdout", text="".join(f"line {k}: {rng.random()}\n" for k in range(40))),
        new_output("display_data", data={"image/png": png, "text/plain": "<Figure size 640x480>"}, metadata={"image/png": {"width": 640}}),
        new_output("execute_result", data={"text/html": table, "text/plain": f"DataFrame {i}", "application/json": {"values": [rng.random() for _ in range(20)], "n": i}}, execution_count=i + 1),
    ]
    if i % 10 == 0:
        outputs.append(new_output("error", ename="ValueError", evalue=f"bad {i}", traceback=[f"\x1b[0;31mframe {k}\x1b[0m" for k in range(8)]))
    nb.cells.append(new_code_cell(f"import numpy as np\nx = np.arange({i})\nplot(x)\n", outputs=outputs, execution_count=i + 1))
    size += len(png) + len(table) + 2000
    i += 1
nbformat.write(nb, sys.argv[1])
