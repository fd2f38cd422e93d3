#!/usr/bin/env python3
"""The C++ examples of README.md and docs/*.md, as programs the tests build and run.

usage: doc-examples.py extract ROOT OUTDIR
       doc-examples.py run EXPECTED -- PROGRAM [ARGS...]

Conventions for a fenced code block in the Markdown:

  ```cpp            A complete program: it defines `main`. The tests compile it
                    against clm::clm and run it with the repository root as the
                    working directory, so it reads the example data as
                    "examples/data/events.csv", as the README's tour does. It
                    fails the tests if it does not compile or exits non-zero.
  ```cpp fragment   A piece of code that is not a program (a declaration, a
                    line to copy into one). Not compiled. Use sparingly: prefer
                    a complete program.
  ```output         What the program block above it prints on standard output,
                    exactly. The test fails if the output differs.

A ```cpp block that defines no `main` and is not marked `fragment` is an error,
so that an example cannot silently stop being checked.

extract writes OUTDIR/<name>.cpp for each program (a #line directive points
compiler messages at the Markdown file and line) and OUTDIR/<name>.out for its
expected output, rewriting a file only when its text changes, and prints one
line per program: name, Markdown file, line, and 1 if it has an expected
output else 0, separated by spaces.
It exits 1, naming file:line, for an unmarked fragment or a misplaced output
(after writing the programs that are well formed).

run runs PROGRAM and exits with its status; if that is 0, it compares the
program's standard output with the file EXPECTED ("-" for none) and exits 1
with a diff when they differ.
"""
import difflib
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^ {0,3}(```+|~~~+)\s*([^`]*?)\s*$")
MAIN = re.compile(r"\bint\s+main\s*\(")


def blocks(path):
    """(line of the opening fence, info string, text) of each fenced block."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info, start = m.group(1), m.group(2), i + 1
        i += 1
        body = []
        while i < len(lines):
            close = FENCE.match(lines[i])
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence) \
                    and not close.group(2):
                break
            body.append(lines[i])
            i += 1
        i += 1
        yield start, info, "".join(body)


def markdown_files(root):
    files = [os.path.join(root, "README.md")]
    docs = os.path.join(root, "docs")
    if os.path.isdir(docs):
        files += sorted(os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))
    return [f for f in files if os.path.isfile(f)]


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def extract(root, outdir):
    os.makedirs(outdir, exist_ok=True)
    errors = []
    programs = []  # [name, relpath, line, expected output or None, source]
    for path in markdown_files(root):
        rel = os.path.relpath(path, root)
        stem = re.sub(r"[^A-Za-z0-9]+", "_", os.path.splitext(rel)[0]).strip("_").lower()
        last = None  # the last program block of this file
        count = 0
        for line, info, text in blocks(path):
            words = info.split()
            lang = words[0].lower() if words else ""
            if lang == "cpp" or lang == "c++":
                if "fragment" in words[1:]:
                    continue
                if not MAIN.search(text):
                    errors.append(f"{rel}:{line}: C++ block without main(): make it a complete "
                                  "program or mark it ```cpp fragment")
                    continue
                count += 1
                last = [f"{stem}_{count}", rel, line, None, text]
                programs.append(last)
            elif lang == "output":
                if last is None or last[3] is not None:
                    errors.append(f"{rel}:{line}: ```output block without a C++ program "
                                  "block before it")
                    continue
                last[3] = text
    for name, rel, line, expected, text in programs:
        source = f'#line {line + 1} "{rel}"\n{text}'
        write_if_changed(os.path.join(outdir, name + ".cpp"), source)
        if expected is not None:
            write_if_changed(os.path.join(outdir, name + ".out"), expected)
        print(f"{name} {rel} {line} {1 if expected is not None else 0}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


def run(expected_path, command):
    proc = subprocess.run(command, stdout=subprocess.PIPE)
    sys.stdout.write(proc.stdout.decode("utf-8", "replace"))
    if proc.returncode != 0:
        print(f"{command[0]} exited with status {proc.returncode}", file=sys.stderr)
        return proc.returncode if proc.returncode > 0 else 1
    if expected_path == "-":
        return 0
    with open(expected_path, encoding="utf-8") as f:
        expected = f.read()
    actual = proc.stdout.decode("utf-8", "replace")
    if actual != expected:
        sys.stderr.writelines(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True),
            "documented output", "actual output"))
        print("the program's output differs from the ```output block", file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "extract":
        return extract(argv[2], argv[3])
    if len(argv) >= 5 and argv[1] == "run" and argv[3] == "--":
        return run(argv[2], argv[4:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
