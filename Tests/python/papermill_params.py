"""Reference side of the NotebookExecution tests: asks papermill 2.7 (and its PyYAML loader) the
questions the Swift tests ask Quire. stdin is a JSON list of inputs; stdout a JSON list of answers.

  yaml     inputs are YAML texts; answers are the loaded values (tagged, see `tag`) or {"error": ...}
  coerce   inputs are `-p` values; answers are papermill.cli._resolve_type(value), tagged
  inspect  inputs are notebook paths; answers are {"params": inspect_notebook(path),
           "help": the --help-notebook output}
"""
import json
import sys


def tag(v):
    """Python values as JSON with their Python type kept (JSON alone cannot tell 1 from 1.0 or nan)."""
    if v is None:
        return {"t": "null"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": repr(v)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "v": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "v": [[str(k), tag(x)] for k, x in v.items()]}
    return {"t": type(v).__name__}


def main():
    mode = sys.argv[1]
    inputs = json.load(sys.stdin)
    out = []
    if mode == "yaml":
        import yaml
        from papermill.iorw import NoDatesSafeLoader
        for text in inputs:
            try:
                out.append(tag(yaml.load(text, Loader=NoDatesSafeLoader)))
            except Exception as e:  # noqa: BLE001 - any failure is an answer
                out.append({"error": f"{type(e).__name__}: {e}"})
    elif mode == "coerce":
        from papermill.cli import _resolve_type
        out = [tag(_resolve_type(v)) for v in inputs]
    elif mode == "inspect":
        import logging
        logging.disable(logging.CRITICAL)
        from click.testing import CliRunner
        from papermill.cli import papermill
        from papermill.inspection import inspect_notebook
        for path in inputs:
            params = inspect_notebook(path)
            result = CliRunner().invoke(papermill, ["--help-notebook", path])
            out.append({"params": params, "help": result.output, "exit": result.exit_code})
    json.dump(out, sys.stdout)


main()
