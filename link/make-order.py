#!/usr/bin/env python3
"""Regenerates link/quire.order, the symbol ordering file of the release `quire` link (see link/README.md).

Usage: link/make-order.py NOTEBOOK_DIR  (after `swift build -c release --product quire --static-swift-stdlib`;
run by `make order-file` with the bench notebooks; needs the .venv kernel and a C compiler).

1. Relinks the release binary exactly as SwiftPM did (command from .build/release.yaml) plus a link map.
2. Runs it under link/ftrace.c: `quire --version` and `quire run` on every notebook of NOTEBOOK_DIR,
   recording each function's first call.
3. Writes the names of the functions that ran, in first-call order. lld places them first in .text, so
   what `quire run` executes sits in a few hundred KiB instead of being spread over 35 MB of code.
   lld applies a name to every object defining it (local symbols too) and moves an object compiled
   without function sections as a whole, so a name also defined in a cold whole-object section is
   left out (it would drag that object along), and functions in whole-object sections come after
   the individually placed ones.
"""
import bisect
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
notebooks = sorted(glob.glob(os.path.join(sys.argv[1], "*.ipynb")))
if not notebooks:
    sys.exit(f"make-order: no notebooks in {sys.argv[1]}")


def link_command():
    """The quire release link command SwiftPM ran (a JSON array on the `args:` line of its block)."""
    with open(os.path.join(root, ".build", "release.yaml")) as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if re.match(r'\s*"C\.quire-[^"]*-release\.exe":', line):
            for arg_line in lines[i:i + 8]:
                if arg_line.strip().startswith("args:"):
                    args = json.loads(arg_line.split("args:", 1)[1])
                    if args[args.index("-module-name") + 1] == "quire":
                        return args
                    break
    sys.exit("make-order: no quire release link in .build/release.yaml; build it first")


def text_sections(link_map):
    """(start, size, is-function-section) of every input section placed in .text."""
    rows = []
    with open(link_map) as f:
        for line in f:
            m = re.match(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*:\((\.text[^)]*)\)$", line)
            if m:
                rows.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3) != ".text"))
    rows.sort()
    return rows


def main():
    with tempfile.TemporaryDirectory() as work:
        binary, link_map = os.path.join(work, "quire"), os.path.join(work, "quire.map")
        args = link_command()
        args[args.index("-o") + 1] = binary
        subprocess.run(args + ["-Xlinker", f"-Map={link_map}"], check=True, stderr=subprocess.DEVNULL)

        symbols = subprocess.run(["readelf", "-sW", binary], capture_output=True, text=True, check=True).stdout
        functions = sorted({int(p[1], 16) for p in map(str.split, symbols.splitlines())
                             if len(p) >= 8 and p[3] == "FUNC" and p[6] != "UND" and p[2] not in ("0", "0x0")})
        sections = text_sections(link_map)
        if not sections:
            sys.exit("make-order: the link map lists no .text input sections (is the release link using lld? see Package.swift)")
        starts = [s[0] for s in sections]

        def section(address):
            i = bisect.bisect_right(starts, address) - 1
            return i if i >= 0 and address < sections[i][0] + max(sections[i][1], 1) else None

        in_text = [a for a in functions if section(a) is not None]
        listing = os.path.join(work, "functions")
        with open(listing, "w") as f:
            f.write("".join(f"{a:x}\n" for a in in_text))
        tracer = os.path.join(work, "ftrace.so")
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", tracer, os.path.join(root, "link", "ftrace.c")], check=True)

        env = dict(os.environ, LD_PRELOAD=tracer, FTRACE_EXE=binary, FTRACE_LIST=listing, FTRACE_OUT=os.path.join(work, "trace"),
                   SWIFT_BACKTRACE="enable=no", VIRTUAL_ENV=os.path.join(root, ".venv"))
        runs = [[binary, "--version"]] + [[binary, "run", nb, os.path.join(work, "out.ipynb")] for nb in notebooks]
        for run in runs:
            subprocess.run(run, env=env, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        executed = list(dict.fromkeys(int(line, 16) for path in sorted(glob.glob(env["FTRACE_OUT"] + ".*"), key=os.path.getmtime)
                                      for line in open(path)))
        names_at, defined_in = collections.defaultdict(list), collections.defaultdict(set)
        nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
        for p in map(str.split, nm.splitlines()):
            if len(p) == 3:
                a = int(p[0], 16)
                s = section(a)
                if s is not None:
                    names_at[a].append(p[2])
                    defined_in[p[2]].add(s)
        needed = {section(a) for a in executed}
        individually, by_object, objects, skipped = [], collections.defaultdict(list), [], 0
        for a in executed:
            s = section(a)
            for name in names_at[a]:
                if any(not sections[o][2] and o not in needed for o in defined_in[name]):
                    skipped += 1
                elif sections[s][2]:
                    individually.append(name)
                else:
                    if s not in by_object:
                        objects.append(s)
                    by_object[s].append(name)
        order = list(dict.fromkeys(individually + [n for s in objects for n in by_object[s]]))
        with open(os.path.join(root, "link", "quire.order"), "w") as f:
            f.write("\n".join(order) + "\n")
        print(f"link/quire.order: {len(order)} names for {len(executed)} functions run "
              f"({len(individually)} placed individually, {len(objects)} whole-object sections, {skipped} names left out)")


main()
