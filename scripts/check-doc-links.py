#!/usr/bin/env python3
"""Check that every relative link in README.md and docs/*.md resolves.

usage: check-doc-links.py [ROOT]

A link [text](target) or ![alt](target) outside code must name an existing
file or directory, relative to the Markdown file that holds it; a #fragment
must be the anchor of a heading in the target Markdown file (or in the same
file for a bare #fragment), spelt as GitHub spells anchors. Links with a
scheme (https:, mailto:) are not checked. Prints each broken link as
file:line: reason and exits 1 if there is any.
"""
import os
import re
import sys

LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def prose_lines(path):
    """(line number, text) of the lines outside fenced code, code spans blanked."""
    fence = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = FENCE.match(line)
            if m:
                if fence is None:
                    fence = m.group(1)
                elif m.group(1) == fence:
                    fence = None
                continue
            if fence is None:
                yield number, CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line)


def slug(heading):
    """GitHub's anchor of a heading: the text of its inline markup, lower case,
    without punctuation other than '-' and '_', spaces as '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)                         # inline HTML
    text = text.replace("`", "").replace("*", "").lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        seen = {}
        result = set()
        fence = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = FENCE.match(line)
                if m:
                    fence = m.group(1) if fence is None else (None if m.group(1) == fence else fence)
                    continue
                h = HEADING.match(line) if fence is None else None
                if h:
                    base = slug(h.group(2))
                    n = seen.get(base, 0)
                    seen[base] = n + 1
                    result.add(base if n == 0 else f"{base}-{n}")
        cache[path] = result
    return cache[path]


def check(path, root):
    errors = []
    here = os.path.dirname(path)
    for number, line in prose_lines(path):
        for m in LINK.finditer(line):
            target = m.group(1)
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                continue  # https:, mailto:, ...
            file_part, _, fragment = target.partition("#")
            where = f"{os.path.relpath(path, root)}:{number}"
            resolved = os.path.normpath(os.path.join(here, file_part)) if file_part else path
            if not os.path.exists(resolved):
                errors.append(f"{where}: no file '{file_part}' (link '{target}')")
                continue
            if fragment:
                if not resolved.endswith(".md") or os.path.isdir(resolved):
                    errors.append(f"{where}: '#{fragment}' in a file that is not Markdown (link '{target}')")
                elif fragment not in anchors(resolved):
                    errors.append(
                        f"{where}: no heading with anchor '#{fragment}' in "
                        f"{os.path.relpath(resolved, root)} (link '{target}')")
    return errors


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), ".."))
    docs = os.path.join(root, "docs")
    files = [os.path.join(root, "README.md")]
    if os.path.isdir(docs):
        files += sorted(os.path.join(docs, n) for n in os.listdir(docs) if n.endswith(".md"))
    errors = []
    for path in files:
        errors += check(path, root)
    for e in errors:
        print(e)
    print(f"{len(files)} files checked, {len(errors)} broken link(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
