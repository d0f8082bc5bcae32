#!/usr/bin/env python3
"""Usage, at the root of the repository: python3 docs/workshop/time-blocks.py

Re-time the afternoon of docs/workshop.md, block by block, as issue 22 did:
reading at 200 words a minute, each command (a typed or pasted shell line or
block, a browser action, a line of lab solution written) at 20 s, each step
start 6 s, each test run 7 s."""
import re, sys, pathlib
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")  # the repository
docs = root / "docs"

def read(p): return (docs / p).read_text()

def section(text, start_heading, stop_prefixes):
    lines = text.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith(start_heading))
    out = [lines[i]]
    for l in lines[i + 1:]:
        if any(l.startswith(p) for p in stop_prefixes):
            break
        out.append(l)
    return "\n".join(out)

def split(text):
    """prose+output words, shell blocks (list of lists of lines)"""
    words, blocks, cur, lang = 0, [], None, None
    for l in text.splitlines():
        m = re.match(r"^\s*```(\w*)", l)
        if m and cur is None:
            cur, lang = [], m.group(1)
            continue
        if m and cur is not None and l.strip().startswith("```"):
            if lang == "sh":
                blocks.append(cur)
            else:
                words += sum(len(x.split()) for x in cur)   # output to compare: read
            cur = None
            continue
        if cur is not None:
            cur.append(l)
        elif not l.strip().startswith("<!--"):
            words += len(re.sub(r"\]\([^)]*\)", "]", l).split())
    return words, blocks

def lines_of(block):
    """command lines: a line ending in \\ continues; comments and blanks are not commands"""
    n, cont = 0, False
    for l in block:
        s = l.strip()
        if not s or (s.startswith("#") and not cont):
            continue
        if not cont:
            n += 1
        cont = s.endswith("\\")
    return n

def lab_solution_lines(patch):
    """the lines the lab's patch takes out of the method: what a participant writes"""
    n = 0
    for l in (docs / "labs" / patch).read_text().splitlines():
        if l.startswith("-") and not l.startswith("---"):
            s = l[1:].strip()
            if s and not s.startswith("//") and not s.startswith("*") and s not in ("{", "}"):
                n += 1
    return n

ws = read("workshop.md")
afternoon = section(ws, "## The afternoon", ["## The full day"])
blocks = {}
for m in re.finditer(r"^### (\d)\. ", afternoon, re.M):
    n = int(m.group(1))
    blocks[n] = section(afternoon, m.group(0).strip("\n"), ["### "])

ch3 = section(read("03-oauth1-provider.md"), "## Try it with curl", ["### Now break it"])
ch5 = section(read("05-oauth2-provider.md"), "## Try it with curl", ["**A native app", "### Now break it"])
labs = {4: ("labs/01-percent-encoding.md", "01-percent-encoding.patch"),
        5: ("labs/02-normalized-parameters.md", "02-normalized-parameters.patch"),
        7: ("labs/03-pkce-verification.md", "03-pkce-verification.patch")}
# Counted by hand from the blocks: commands named in the prose (block 0:
# `ls ...`, `java -version`; block 3: `echo "$BASE"`; block 6: the four lines
# of a new code) and browser actions (open a page, log in, a
# button, a link).
by_hand = {0: 2, 2: 5, 3: 1, 6: 4, 8: 4}
# Shell blocks pasted whole count once (the helper blocks, the chapter's steps).
plan = {}
for row in re.finditer(r"^\| (\d:\d\d) \| (\d+) \| \[([^\]]+)\]\(#(\d)-", afternoon, re.M):
    plan[int(row.group(4))] = int(row.group(2))

print("| block | plan | words | commands | starts | test runs | minutes |")
print("|---|---|---|---|---|---|---|")
total = 0
for n in sorted(blocks):
    text = blocks[n]
    words, sh = split(text)
    pasted = n in (3, 6)
    commands = sum(1 if pasted and len(b) > 2 else lines_of(b) for b in sh)
    starts = sum(l.count("java -jar") for b in sh for l in b)
    tests = 0
    if n in (3, 6):
        w, s = split(ch3 if n == 3 else ch5)
        words += w
        commands += len(s) - 1                  # each block of the chapter pasted whole; its
                                                # helpers are the workshop's block, counted above
    if n in labs:
        page, patch = labs[n]
        w, s = split(read(page))
        words += w
        runs = [l for b in s for l in b if l.strip().startswith("./mvnw")]
        tests += len(runs)
        commands += sum(lines_of(b) for b in s) + lab_solution_lines(patch)
    commands += by_hand.get(n, 0)
    seconds = words / 200 * 60 + commands * 20 + starts * 6 + tests * 7
    total += seconds
    print(f"| {n} | {plan.get(n, '')} | {words} | {commands} | {starts} | {tests} | {seconds / 60:.1f} |")
print(f"| all | {sum(plan.values())} | | | | | {total / 60:.1f} |")
