"""Writes the side-by-side test notebooks (papermill vs quire run). Re-run after editing:
    .venv/bin/python Tests/QuireRunTests/Notebooks/make_notebooks.py
Every notebook is nbformat 4.5 with fixed cell ids, so neither tool has to invent ids."""
import json, os, base64

HERE = os.path.dirname(os.path.abspath(__file__))
PY = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
      "language_info": {"name": "python"}}
BASH = {"kernelspec": {"display_name": "Bash", "language": "bash", "name": "bash"},
        "language_info": {"name": "bash"}}
R = {"kernelspec": {"display_name": "R", "language": "R", "name": "ir"}, "language_info": {"name": "R"}}
# 1x1 transparent PNG
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def cell(kind, src, tags=None, n=[0]):
    n[0] += 1
    c = {"cell_type": kind, "id": f"c{n[0]:03d}", "metadata": {"tags": tags} if tags else {}, "source": src}
    if kind == "code":
        c["execution_count"] = None
        c["outputs"] = []
    return c


def code(src, tags=None): return cell("code", src, tags)
def md(src): return cell("markdown", src)
def raw(src): return cell("raw", src)


NOTEBOOKS = {
    "print": [code('print("hello")\nprint("two", "words", sep="-")'), code('for i in range(3):\n    print(i)')],
    "expressions": [code("1 + 1"), code('x = {"a": [1, 2.5, None], "b": "text"}\nx'), code("'single' + \"double\""),
                    code("x = 5"), code("[i * i for i in range(5)]")],
    "display_update": [code('from IPython.display import display, update_display\nh = display("first", display_id="d1")'),
                       code('display("other")\nh.update("second")'),
                       code('update_display("third", display_id="d1")\nprint("after")'),
                       code('display("with id", display_id="d2")\nupdate_display("replaced", display_id="d2")')],
    "clear_output": [code('from IPython.display import clear_output\nfor i in range(5):\n    clear_output()\n    print(i)'),
                     code('print("gone")\nclear_output(wait=True)'),
                     code('print("kept", end="")\nclear_output(wait=True)\nprint("new")')],
    "stderr": [code('import sys\nprint("to stderr", file=sys.stderr)'),
               code('import sys\nprint("out"); sys.stdout.flush()\nprint("err", file=sys.stderr); sys.stderr.flush()\nprint("out again")'),
               code('import warnings\nwarnings.warn("careful", UserWarning)')],
    "rich_text": [code('from IPython.display import HTML, Markdown, Latex, JSON, display\ndisplay(HTML("<b>bold</b>"))'),
                  code('Markdown("# Title\\n\\n*emphasis*")'), code('Latex(r"$\\\\alpha + \\\\beta$")'),
                  code('JSON({"k": [1, 2, {"n": None}]})'),
                  code('display({"text/plain": "custom", "text/html": "<i>custom</i>"}, raw=True)')],
    "rich_png": [code(f'import base64\nfrom IPython.display import Image, display\npng = base64.b64decode("{PNG}")\ndisplay(Image(data=png))'),
                 code('Image(data=png, width=10)'),
                 code(f'display({{"image/png": "{PNG}", "text/plain": "<tiny>"}}, raw=True)')],
    "error_midway": [code('a = 1\nprint("before")'), code('def f():\n    return 1 / 0\n\nf()'), code('print("never")')],
    "systemexit": [code('print("start")'), code('import sys\nsys.exit(0)'), code('print("not reached")')],
    "systemexit1": [code('import sys\nsys.exit(3)'), code('print("not reached")')],
    "empty_cells": [code(""), code("   \n\t"), code("'after empties'"), code(""), code("2")],
    "skip_execution": [code('print("skipped")', ["skip-execution"]), code('print("ran")'),
                       code('raise RuntimeError("skipped too")', ["skip-execution", "other"])],
    "raises_exception": [code('print("before")'), code('raise ValueError("expected")', ["raises-exception"]),
                         code('print("after")')],
    "unicode": [code('print("☃ snowman, ünïcödé, 中文, عربى, 🎉, e\\u0301")'), code('"ß→SS"'),
                md("Ünïcode markdown ✓")],
    "markdown_raw": [md("# Heading\n\nSome *text*."), raw("raw text\nstays"), code("40 + 2"), md(""),
                     raw(""), code('print("end")')],
    "many_outputs": [code('for i in range(200):\n    print("line", i)'),
                     code('from IPython.display import display\nfor i in range(50):\n    display(i)'),
                     code('for i in range(30):\n    display({"text/plain": f"p{i}", "text/html": f"<p>{i}</p>"}, raw=True)')],
    "stream_control": [code('print("progress 1\\rprogress 2\\rdone")'), code('print("tab\\there\\x0bvt\\x0cff")'),
                       code('print("no newline", end="")')],
    "parameters": [code('i = 1\nf = 1.5\nb = False\nn = None\ns = "default"\nl = [1, 2]\nd = {"k": "v"}', ["parameters"]),
                   code('print(repr(i), repr(f), repr(b), repr(n), repr(s), repr(l), repr(d))'),
                   code('type(i).__name__, type(f).__name__, type(b).__name__, type(s).__name__')],
}
BASH_NOTEBOOKS = {
    "bash": [code('echo "hello from bash"'), code('X=42\necho "x is $X"'), code('echo "err" >&2'),
             code('for i in 1 2 3; do echo "n=$i"; done')],
    "params_bash": [code('name="default"\ncount=1', ["parameters"]), code('echo "name=$name count=$count"')],
}

# IRkernel: the R translator (lists, named lists, NULL, TRUE/FALSE, escaping) on a real R kernel.
R_NOTEBOOKS = {
    "params_r": [code('name <- "default"\ncount <- 1L\nratio <- 0.5\nflag <- FALSE\nitems <- list()', ["parameters"]),
                 code('cat(sprintf("name=%s count=%s ratio=%s flag=%s\\n", name, count, ratio, flag))'),
                 code('str(items)'),
                 code('data.frame(k = names(items), stringsAsFactors = FALSE)')],
}

# Widget state with binary buffers (an Image's value travels as a buffer, not as JSON).
NOTEBOOKS["widget_buffers"] = [
    code('import ipywidgets as widgets\nimage = widgets.Image(value=bytes(range(32)), format="png")\nimage'),
    code('image.value = bytes(range(32, 48))'),
]

# Output widgets as nbclient's front-end mimic handles them. Every print is flushed so that the
# kernel publishes it while the widget still captures (ipykernel's stdout is otherwise flushed by a
# thread, and the order of that flush and the widget's release is a race in the kernel).
FLUSH = "; sys.stdout.flush()"
NOTEBOOKS["output_widget"] = [
    code('import sys\nimport ipywidgets as widgets\nout = widgets.Output()\nout'),
    code('print("in the cell")' + FLUSH + '\nwith out:\n    print("a")' + FLUSH + '\n    print("b")' + FLUSH),
    code('print(len(out.outputs), repr(out.outputs[0]["text"]))'),
    code('cleared = widgets.Output()\ncleared'),
    code('with cleared:\n    print("old")' + FLUSH + '\n    from IPython.display import clear_output\n'
         '    clear_output(wait=True)\n    print("new")' + FLUSH),
    code('shown = widgets.Output()\nshown'),
    code('with shown:\n    display("a display")\n    raise ValueError("captured, not fatal")'),
    code('print("after", len(shown.outputs))'),
]

for name, cells in list(NOTEBOOKS.items()) + list(BASH_NOTEBOOKS.items()) + list(R_NOTEBOOKS.items()):
    meta = BASH if name in BASH_NOTEBOOKS else R if name in R_NOTEBOOKS else PY
    nb = {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
    with open(os.path.join(HERE, name + ".ipynb"), "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
