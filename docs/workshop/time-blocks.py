#!/usr/bin/env python3
"""Usage, at the root of the repository: python3 docs/workshop/time-blocks.py [root]

An estimate of the participant's own work in each block of the afternoon of
docs/workshop.md, counted the way issue 22's walk-through was (a participant
new to the material, on this machine: 91 minutes for blocks 0 to 8 of the
text of commit 78e67a7):

- reading at 200 words a minute: everything the participant is told to
  read, i.e. the block (prose and the output to compare), the passage it
  sends them to follow (chapter 3's or chapter 5's "Try it with curl", a lab
  page whole), a page the block has them read during the block (a link to a
  whole page, outside the catch-up, not marked as read before the day), a
  lab's TODO and the diff of step 5 of the lab (the solution's lines);
- 20 s for each command: every command line run, in the block and in the
  passage it sends them to, pasted or typed (a line ending in a backslash
  continues; comments, blanks and a closing brace are not commands); each
  command the block's prose names in backticks; each browser action (open,
  type, press, follow, log in); each line of a lab's solution written;
- 6 s for each step started (`java -jar`), 7 s for each test run (`./mvnw`).

On the old text this count gives 62.2 minutes where the walk-through clocked
91: what a count of the text cannot see (finding the right terminal, reading
each command's own output, a typo typed again) is about a third of the
work. The last column scales the count by 91 / 62.2 so as to plan on it.

To calibrate on the old text (the total should stay 62.2):
    mkdir /tmp/old && git archive 78e67a7 docs | tar -x -C /tmp/old
    python3 docs/workshop/time-blocks.py /tmp/old"""
import re, sys, pathlib

WALKTHROUGH_MINUTES = 91.0   # issue 22's walk-through, blocks 0 to 8, text of 78e67a7
OLD_TEXT_MINUTES = 62.2      # this count on that text
SCALE = WALKTHROUGH_MINUTES / OLD_TEXT_MINUTES

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

def words_of(line):
    return len(re.sub(r"\]\([^)]*\)", "]", line).split())

def split(text):
    """words read (prose and output), shell blocks (lists of lines), prose paragraphs"""
    words, blocks, cur, lang, prose = 0, [], None, None, []
    for l in text.splitlines():
        m = re.match(r"^\s*```(\w*)", l)
        if m and cur is None:
            cur, lang = [], m.group(1)
            continue
        if m and cur is not None and l.strip().startswith("```"):
            if lang == "sh":
                blocks.append(cur)
            elif lang != "mermaid":
                words += sum(len(x.split()) for x in cur)   # output to compare: read
            cur = None
            continue
        if cur is not None:
            cur.append(l)
        elif not l.strip().startswith("<!--"):
            words += words_of(l)
            prose.append(l)
    paragraphs = [p for p in "\n".join(prose).split("\n\n") if p.strip()]
    return words, blocks, paragraphs

def command_lines(block):
    """every command line: a line ending in \\ continues; comments, blanks and a lone } are not commands"""
    n, cont = 0, False
    for l in block:
        s = l.strip()
        if not s or (s.startswith("#") and not cont) or s == "}":
            cont = False
            continue
        if not cont:
            n += 1
        cont = s.endswith("\\")
    return n

def defines_functions(block):
    return any(re.match(r"^\s*[a-z]+\(\)\s*\{", l) or l.strip().startswith("source ") for l in block)

SHELL = re.compile(r"^(ls|java|echo|git|curl|diff|rm|source|jshell|pkce|[A-Z_]+=)\b")
BROWSER = re.compile(r"\bOpen <http|\btype `|\bpress \*|\b[Ff]ollow \"|\b[Ll]og in (again|at the provider)")

def prose_actions(paragraphs, lab):
    """commands named in backticks and browser actions, outside the catch-up"""
    n = 0
    for p in paragraphs:
        if p.lstrip().startswith("**Catch-up**"):
            continue
        if not lab:  # a lab block's prose sums up the lab page, counted there
            n += sum(1 for c in re.findall(r"`([^`]+)`", p) if SHELL.match(c))
        n += len(BROWSER.findall(p))
    return n

def slug(heading):
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")

def linked_text(base, target):
    """the page, or the section (to the next heading of its level or above), a link leads to"""
    page, _, anchor = target.partition("#")
    path = (base / page) if page else None
    text = path.read_text() if path else ""
    if not anchor:
        return text
    lines = text.splitlines()
    for i, l in enumerate(lines):
        m = re.match(r"^(#+) (.*)", l)
        if m and slug(m.group(2)) == anchor:
            out = [l]
            for k in lines[i + 1:]:
                h = re.match(r"^(#+) ", k)
                if h and len(h.group(1)) <= len(m.group(1)):
                    break
                out.append(k)
            return "\n".join(out)
    return ""

def links_read(paragraphs, base, skip):
    """what the participant is sent to read during the block: each page or chapter
    section linked from its prose, outside the catch-up and the instructor's
    answers, and not marked as read before the day"""
    words = 0
    for p in paragraphs:
        if p.lstrip().startswith("**Catch-up**") or re.search(r"before[ \]\[]+the day", p, re.I):
            continue
        for t in re.findall(r"\]\(([\w./-]*\.md(?:#[\w-]+)?)\)", p):
            page = (base / t.split("#")[0]).resolve()
            if "instructor.md" in t or page.parent.name == "labs" or t.split("/")[-1] in skip:
                continue  # the answers; a lab page is counted as its block's
            words += split(linked_text(base, t))[0]
            skip.add(t.split("/")[-1])
    return words

def patch_lines(patch):
    """the TODO put in (+) and the solution taken out (-): read; the solution's code lines: written"""
    read_words, written = 0, 0
    for l in (docs / "labs" / patch).read_text().splitlines():
        if l.startswith(("---", "+++")) or not l[:1] in "+-":
            continue
        s = l[1:].strip()
        read_words += len(s.split())
        if l.startswith("-") and s and not s.startswith(("//", "*")) and s not in ("{", "}"):
            written += 1
    return read_words, written

ws = read("workshop.md")
afternoon = section(ws, "## The afternoon", ["## The full day"])
blocks = {}
for m in re.finditer(r"^### (\d)\. ", afternoon, re.M):
    n = int(m.group(1))
    blocks[n] = section(afternoon, m.group(0).strip("\n"), ["### "])

follow = {3: section(read("03-oauth1-provider.md"), "## Try it with curl", ["### Now break it"]),
          6: section(read("05-oauth2-provider.md"), "## Try it with curl", ["**A native app", "### Now break it"])}
follow_link = {3: "03-oauth1-provider.md#try-it-with-curl", 6: "05-oauth2-provider.md#try-it-with-curl"}
labs = {4: ("labs/01-percent-encoding.md", "01-percent-encoding.patch"),
        5: ("labs/02-normalized-parameters.md", "02-normalized-parameters.patch"),
        7: ("labs/03-pkce-verification.md", "03-pkce-verification.patch")}
plan = {}
for row in re.finditer(r"^\| (\d:\d\d) \| (\d+) \| \[([^\]]+)\]\(#(\d)-", afternoon, re.M):
    plan[int(row.group(4))] = int(row.group(2))

print("| block | plan | words | commands | starts | test runs | counted | scaled |")
print("|---|---|---|---|---|---|---|---|")
total = 0
for n in sorted(blocks):
    words, sh, paragraphs = split(blocks[n])
    commands = sum(command_lines(b) for b in sh) + prose_actions(paragraphs, n in labs)
    starts = sum(l.count("java -jar") for b in sh for l in b)
    tests = 0
    seen = set()
    if n in follow:
        seen.add(follow_link[n])
    if n in labs:
        seen.add(labs[n][0].split("/")[-1])
    words += links_read(paragraphs, docs, seen)
    if n in follow:
        w, s, _ = split(follow[n])
        words += w
        helpers_given = any(defines_functions(b) for b in sh)
        # The block's own helper block replaces the chapter's.
        commands += sum(command_lines(b) for b in s if not (helpers_given and defines_functions(b)))
    if n in labs:
        page, patch = labs[n]
        w, s, _ = split(read(page))
        patch_words, written = patch_lines(patch)
        words += w + patch_words  # its links point back to what was done, or to the RFC
        tests += sum(1 for b in s for l in b if l.strip().startswith("./mvnw"))
        commands += sum(command_lines(b) for b in s) + written
    seconds = words / 200 * 60 + commands * 20 + starts * 6 + tests * 7
    total += seconds
    print(f"| {n} | {plan.get(n, '')} | {words} | {commands} | {starts} | {tests} | {seconds / 60:.1f}"
          f" | {seconds / 60 * SCALE:.1f} |")
print(f"| all | {sum(plan.values())} | | | | | {total / 60:.1f} | {total / 60 * SCALE:.1f} |")
