"""Reference side of the corpus round-trip test: what nbformat writes after reading each file.

Prints one JSON object: path -> {"text": written notebook} or {"error": reason}, where "invalid"
means nbformat read it but its validator rejects it (Quire refuses those; another test checks why).
"""
import json
import logging
import sys
import warnings

import nbformat

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")
result = {}
for path in sys.argv[1:]:
    try:
        nb = nbformat.read(path, as_version=4)
        text = nbformat.writes(nb) + "\n"
        try:
            nbformat.validate(nb)
            result[path] = {"text": text}
        except nbformat.ValidationError as e:
            result[path] = {"error": "invalid: " + str(e).splitlines()[0]}
    except Exception as e:  # noqa: BLE001 - any failure is a reason to compare errors instead
        result[path] = {"error": type(e).__name__ + ": " + str(e)}
json.dump(result, sys.stdout)
