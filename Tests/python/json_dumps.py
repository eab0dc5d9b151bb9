"""Reference side of the JSON conformance test: stdin is a JSON array of documents (as text);
stdout is a JSON array of json.dumps(json.loads(doc), indent=1, sort_keys=True, ensure_ascii=False)."""
import json
import sys

docs = json.load(sys.stdin)
out = [json.dumps(json.loads(d), indent=1, sort_keys=True, ensure_ascii=False, separators=(",", ": ")) for d in docs]
json.dump(out, sys.stdout, ensure_ascii=True)
