#!/usr/bin/env bash
# Times the release CLI on generated inputs of up to 4 MiB (the loader's limit) in the shapes
# that fuzzing with small inputs cannot reach: long words and titles, wide and long tables,
# deep nesting, many short runs. Prints one line per case; a case over 60 s is cut off. An
# input refused with an error (exit 1) says why.
# The diff-* cases (a block of their own at the end) time `briefing diff OLD NEW` on pairs.
# Usage: fuzz/big-inputs.sh [CASE...]      (needs python3)
set -euo pipefail
cases=("$@")  # (the blocks below reuse "$@")
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$("$repo/.ci/binary" release)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# measure ARGS…: runs briefing with ARGS, cut off at 60 s. Sets `out` (its messages, then its
# peak memory in KB on the last line), `rc`, `ms` (wall time) and `mb` (peak memory).
measure() {
  local start
  start=$(date +%s%N)
  out=$( { /usr/bin/time -f '%M' timeout 60 "$bin" "$@" >/dev/null; } 2>&1 ) && rc=0 || rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  mb=$(( $(echo "$out" | tail -1 | tr -dc 0-9) / 1024 ))
}
# The last run's time, as "  1.2 s".
seconds() { printf '%3d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
# The last run's outcome: built, refused with an error (exit 1, and why), or failed.
outcome() {
  case $rc in
    0) echo "ok" ;;
    1) echo "refused: $(echo "$out" | grep -m1 'error:' | sed 's/.*error: //' | cut -c1-70)" ;;
    *) echo "FAILED/TIMEOUT (exit $rc)" ;;
  esac
}
python3 - "$work" "$@" <<'EOF'
import sys
work, only = sys.argv[1], sys.argv[2:]
MB = (4 << 20) - 200

def body(text):
    lines = "".join("      " + l + "\n" for l in text.split("\n"))
    return ("title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: |\n" + lines
            + "contact:\n  tel: \"1\"\n")

def title(text):
    return f"title: \"{text}\"\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: x\ncontact:\n  tel: \"1\"\n"

nested = "".join("  " * i + "- item\n" for i in range(30))
import random
WORDS = {
    "de": "wir unterstützen die zusammenarbeit mit japan in allen digitalen bereichen ausdrücklich und ohne vorbehalt der minister sagte dass beide seiten weiter arbeiten werden".split(),
    "fr": "nous soutenons pleinement la coopération avec le japon dans tous les domaines numériques sans aucune réserve et les deux parties vont travailler ensemble".split(),
    "en": "the minister said that both sides agreed to work together on data networks research and standards before the next meeting in tokyo".split(),
}
def other_prose(lang, frame, quoted):
    """Paragraphs of `frame` words in `lang`, each different; with `quoted`, each quotes that
    many German words and as many French ones."""
    r, out, n = random.Random(1), [], 0
    while n < MB - 400:
        words = lambda l, k: " ".join(r.choice(WORDS[l]) for _ in range(k)).capitalize()
        p = words(lang, frame) + (f" “{words('de', quoted)}” and “{words('fr', quoted)}” today" if quoted else "") + "."
        out.append(p)
        n += len(p.encode()) + 14  # (indented, and an indented blank line after)
    return "\n\n".join(out[:-1])
curly = "“Japan” – it’s the EU’s plan, they said „today“.\n\n"
cases = {
    "prose": lambda: body("Japan and the EU confirmed the importance of international standardization and research.\n\n" * (MB // 110)),
    # Prose with curly quotes and dashes in every sentence (text37b F37b-3: each counted as
    # two changes of script, a 2.5 MB text was refused).
    # (Counted in bytes, with the indent body() adds to each of its two lines: the marks are three each.)
    "curly-quotes": lambda: body(curly * ((MB - 200) // (len(curly.encode()) + 12))),
    "long-word": lambda: body("x" * (MB - 200)),
    "long-title": lambda: title("x" * (MB - 200)),
    "long-title-words": lambda: title("word " * (MB // 5 - 40)),
    "table-columns": lambda: body("|a" * (MB // 16) + "|\n" + "|-" * (MB // 16) + "|\n" + "|b" * (MB // 16) + "|"),
    "table-rows": lambda: body("| a | b |\n|---|---|\n" + "| x | y |\n" * (MB // 16)),
    # As many cells as a briefing may hold (25,000), in one table, of four words each; and in
    # 20 columns, each cell a word of 75 letters broken over many lines, as many as fill the
    # lines a briefing may have (200,000, a cell's line counting half: 38 lines a cell).
    "table-rows-limit": lambda: body("| a | b |\n|---|---|\n" + "| word word word w | word word word w |\n" * 12_499),
    "table-long-words-limit": lambda: body("|" + " h |" * 20 + "\n|" + "---|" * 20 + "\n"
                                           + ("|" + (" " + "x" * 75 + " |") * 20 + "\n") * 520),
    # Past that (text45a F45a-20: 1,351 pages, 15 s and 1.1 GB): 20 columns of 160-letter
    # words, refused at the lines they fill; and one word of 4 MiB in a list nested 31 deep,
    # 10 characters to a line (16,080 pages, 1.1 GB).
    "table-narrow-long-words": lambda: body("|" + " h |" * 20 + "\n|" + "---|" * 20 + "\n"
                                            + ("|" + (" " + "W" * 160 + " |") * 20 + "\n") * 450),
    "deep-list-long-word": lambda: body("".join("  " * i + "- item\n" for i in range(31))
                                        + "  " * 31 + "- " + "W" * (MB - 2_000)),
    "nested-lists": lambda: body(nested * (MB // len(nested) // 2)),
    "nested-quotes": lambda: body(("> " * 32 + "x\n") * (MB // 80)),
    "code": lambda: body("```\n" + "    x = 1;\n" * (MB // 20) + "```"),
    "links": lambda: body("[a](https://e.org/x) " * (MB // 30)),
    "emphasis": lambda: body("*a* **b** " * (MB // 16)),
    "hard-breaks": lambda: body("a\\\n" * (MB // 14)),
    # One paragraph of hand-wrapped lines, no blank line (text43a F43a-12: each line break
    # searched the paragraph so far for its line's start: 26 s at 4 MiB), Latin and Japanese.
    "wrapped-lines": lambda: body("abc def\n" * (MB // 14)),
    "wrapped-lines-japanese": lambda: "lang: ja\n" + body("あいう\n" * (MB // 16)),
    # Backslashes: one run of them (each pair an escape: its parity was walked back for each),
    # and escapes that may start a block, each looked at back to the line's start.
    "backslashes": lambda: body("\\" * (MB - 200)),
    "escapes-on-a-line": lambda: body("\\# 1\\. " * (MB // 12)),
    # Escaped asterisks and backticks, each looking for a partner in its block.
    "escaped-stars": lambda: body("C:\\*.txt a \\* b \\`x " * (MB // 24)),
    "escaped-stars-apart": lambda: body("C:\\*.txt\n\n" * (MB // 30)),
    "combining-marks": lambda: body("e" + "\u0301" * (MB // 4)),
    "rtl-marks": lambda: body("a\u200fb\u202ec " * (MB // 24)),
    # Addresses in plain text, each a link (each was searched for from scratch: quadratic),
    # and one address of 4 MiB (set on every line of its link: refused at its length).
    "bare-addresses": lambda: body("www.a.org " * (MB // 10)),
    "bare-emails": lambda: body("a@b.org " * (MB // 8)),
    "long-address": lambda: body("https://e.org/" + "a" * (MB - 220)),
    # Character references the character checks must see (each an error, never dropped).
    "references": lambda: body("&#x1F600; &#7; " * (MB // 15)),
    # One-letter paragraphs and list items (refused past 100,000 blocks), and as many items
    # as a briefing may hold.
    "short-paragraphs": lambda: body("a\n\n" * (MB // 16)),
    "list-items": lambda: body("- a\n" * (MB // 11)),
    "list-items-limit": lambda: body("- a\n" * 99_999),
    # Prose in the cells of a wide table: a line a word. Refused past 200,000 words, and past
    # the 200,000 lines a briefing may fill (75 lines a cell, counting half).
    "table-wide-words": lambda: body(("| h " * 20) + "|\n" + ("|---" * 20) + "|\n"
                                     + (("| " + "data flow " * 15 + " ") * 20 + "|\n") * 1_200),
    "table-wide-words-limit": lambda: body(("| h " * 20) + "|\n" + ("|---" * 20) + "|\n"
                                           + (("| " + "data flow " * 15 + " ") * 20 + "|\n") * 265),
    # A change of script every word (a run in another font each): refused past 250,000.
    "script-changes": lambda: body("日a " * (MB // 5)),
    "script-changes-limit": lambda: body("日a " * 124_000),
    # One run of asterisks (each star's run was measured again: quadratic, 21 s at 200,000).
    "star-run": lambda: body("*" * (MB - 300) + "a"),
    # Empty lines of a code block (each a line of the page: refused past 100,000 blocks), and
    # many short runs of code or emphasis (refused past 250,000 runs).
    "code-blank-lines": lambda: body("```\nx\n" + "\n" * ((MB - 400) // 7) + "y\n```"),
    "code-spans": lambda: body("`a` " * (MB // 4)),
    "emphasis-letters": lambda: body("*a* " * (MB // 4)),
    # Links by reference: each definition was looked for in a list of the used ones.
    # Quotation marks never closed (each closing one looked through all those open: quadratic,
    # 71 s at 100,000), alone and before words.
    "open-quotes": lambda: body("\u201c" * (MB // 3 - 100)),
    "open-quotes-words": lambda: body("\u201cword " * 100_000),
    # Prose in other languages than English (which is told by its little words), each
    # paragraph another, and English sentences quoting German and French: each text's language
    # is told (12 s and 14 s at 4 MiB, before telling had a budget).
    "prose-german": lambda: body(other_prose("de", 30, 0)),
    "prose-quoting": lambda: body(other_prose("en", 6, 14)),
    # One paragraph of German quotations between runs of emphasis: the web page looked for
    # each run's quotation among all of them (14 s at 4 MiB).
    "quoted-runs": lambda: body("The minister said: " + "*a* \u201eWir haben heute die wichtigsten Fragen der "
                                "Datenpolitik ausf\u00fchrlich besprochen und gemeinsam L\u00f6sungen gefunden\u201c "
                                * (MB // 125)),
    "link-references": lambda: body("".join(f"[r{i}]: https://e.org/{i}\n" for i in range(60_000)) + "\n"
                                    + " ".join(f"[a][r{i}]" for i in range(60_000))),
    # Characters no font has, each reported with the other lines that hold it (text44a
    # F44a-25: each report counted the lines from the file's start and read the field after
    # it: 25 s for 16,000 topics with one each, over 60 s for 20,000 after 2 MB of prose):
    # one in each of 30,000 topics, 80,000 distinct ones late in a body, and as references.
    "unfound-in-topics": lambda: "title: T\ndate: 2020-10-06\ntopics:\n"
        + "  - title: X\n    body: \"\ue000 a\"\n" * 30_000 + "contact:\n  tel: \"1\"\n",
    "unfound-late": lambda: body("Japan and the EU confirmed it.\n\n" * (MB // 60) + " ".join(chr(0xF0000 + i) for i in range(80_000))),
    "unfound-references": lambda: body(" ".join(f"&#x{0xF0000 + i:x};" for i in range(300_000))),
}
for name, make in cases.items():
    if not only or name in only:
        open(f"{work}/{name}.yaml", "w").write(make())

# --- Issue 17, typesetting speed: hyphenation, zero-width breaks, running lines, fitting. ---
# Each case may have command-line arguments (`NAME.args`, one line), and a template
# (`hyphenate.yaml`: justified and hyphenated body text).
open(f"{work}/hyphenate.yaml.tpl", "w").write("hyphenate: true\nstyles:\n  body: { align: justify }\n")
def short_title(t, prose=""):
    return ("title: T\nshort_title: \"" + t + "\"\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: |\n"
            + "".join("      " + l + "\n" for l in (prose or "x").split("\n")) + "contact:\n  tel: \"1\"\n")
def topics(n):
    t = "".join(f"  - title: Topic {i}\n    body: Japan and the EU confirmed the importance of standards {i}.\n" for i in range(n))
    return "title: T\ndate: 2020-10-06\ntopics:\n" + t + "contact:\n  tel: \"1\"\n"
word = "international" * 20000
hyph = "--template " + work + "/hyphenate.yaml.tpl"
prose2 = "Japan and the EU confirmed the importance of international standardization.\n\n" * (2_000_000 // 78)
speed = {
    "word-100k-hyphenated": (lambda: body(word[:100_000]), hyph),
    "word-200k-hyphenated": (lambda: body(word[:200_000]), hyph),
    "x-200k-justified": (lambda: body("x" * 200_000), hyph),
    "zero-width-300k": (lambda: body("a" + "\u0301\u200b" * 60_000), hyph),
    "zero-width-4m": (lambda: body("a" + "\u0301\u200b" * (MB // 5 - 40)), hyph),
    "zero-width-title": (lambda: short_title("e" + "\u0301" * 900_000), ""),
    "zero-width-title-prose": (lambda: short_title("e" + "\u0301" * 900_000, prose2), ""),
    "topics-36k": (lambda: topics(36_000), ""),
    "topics-36k-toc": (lambda: topics(36_000), "--toc"),
    # A topic title of one 1.9 MB word in the contents (text46a F46a-21: each of the entry's
    # lines carried the whole title as its link's description; 200 KB took 1.1 GB, 1.9 MB aborted).
    "topic-title-word-toc": (lambda: "title: T\ndate: 2020-10-06\ntopics:\n  - title: " + "W" * 1_900_000
                             + "\n    body: x\ncontact:\n  tel: \"1\"\n", "--toc"),
    "topics-36k-fit": (lambda: topics(36_000), "--fit-pages 2400 --toc"),
    "topics-36k-floor": (lambda: topics(36_000), "--fit-pages 1 --template " + work + "/floor.yaml.tpl"),
    # One 3.9 MB paragraph of Japanese and Latin words, fitted (text18b F2): 10.6 to 18.5 s
    # when it was laid out for each try; past 512 KiB of text a briefing is no longer fitted.
    "japanese-mixed-fit": (lambda: body(mixed), "--template press-release --fit-pages 640"),
    "japanese-mixed-one-pager": (lambda: body(mixed), "--template one-pager"),
    # Just under 512 KiB of long mixed titles, fitted (text19 H70-1: 1 MB took 14 to 27 s,
    # each layout of such headings being slow): the layouts are bounded by the text they lay out.
    "fit-long-titles": (lambda: mixed_titles(515_000), "--fit-pages 200"),
    # One 3.9 MB paragraph of Japanese and Latin words wider than a line (text20 N-3: 10.1 s,
    # each break searching the whole paragraph for a line's first start).
    "japanese-wide-words": (lambda: body(("あいう" + "Interoperability" * 6 + "えお") * 35_000), ""),
    # 99,999 headings with no text under them, the most a text may hold (text31 F31a-1:
    # minutes, each problem's line found again from the text's start); every problem placed.
    "empty-headings": (lambda: body("# h\n" * 99_999), ""),
    # 60,000 links no reader can follow, each on its line (32 s, the same scan each time).
    "unfollowable-links": (lambda: body("".join(f"see [r{i}](javascript:x)\n" for i in range(60_000))), ""),
    # The same links on one line (text32 F32-1: the line compared again for each link).
    "unfollowable-links-one-line": (lambda: body(" ".join(f"[r{i}](javascript:x)" for i in range(200_000))), ""),
    # 174,000 quotes of a number (`x` / `>5`, a blank line), each a slip (text42a F42a-6: each
    # checked against every one found before, over 60 s), and marks beside Japanese brackets.
    "quote-slips": (lambda: body("x\n>5\n\n" * (MB // 24)), ""),
    "marks-beside-japanese": (lambda: body("これは**「重要」**です。\n\n" * (MB // 48)), ""),
    # Sentences wrapped before the same date line, each a slip (text45a F45a-27: 20 s for
    # 0.45 MB), and tables whose `---` line has too few columns (each header looked up from
    # the text's start: 17 s for 12,500); as many as a briefing may hold blocks.
    "wrapped-date-slips": (lambda: body("".join(f"Die Delegation {i} traf sich am\n1. Oktober 2026 in Br\u00fcssel.\n\n"
                                                for i in range(45_000))), ""),
    "short-table-rules": (lambda: body("".join(f"Table {i}\n\n| a{i} | b | c |\n|---|---|\n| 1 | 2 | 3 |\n\n"
                                               for i in range(45_000))), ""),
    # Lines that open an HTML comment never closed, as many as a briefing may hold, and a
    # line of notes (`  # x`) after an odd backtick (text46a F46a-19: the rest of the text was
    # searched for `-->` at each `<!--`, 13 s for 2.6 MB; the line's backticks counted again at
    # each `#`, 6.6 s for 1 MB).
    "unclosed-html-comments": (lambda: body("<!-- x\n" * 199_000), ""),
    "html-comments-closed-at-the-end": (lambda: body("<!-- x\n" * 199_000 + "-->"), ""),
    "notes-after-a-backtick": (lambda: body("a `code" + "  # x" * (MB // 5 - 40)), ""),
}
def mixed_titles(size):
    t = "総務省は欧州委員会と共に the committee agreed that the framework 第十回日EU・ICT戦略ワークショップ should be reviewed every two years 双方は次の点で合意した"
    n = size // (len(t.encode()) + 15)
    return ("title: 題名\nlang: ja\ndate: 2026-01-01\ntopics:\n"
            + "".join(f"  - title: {t} {i}\n    body: 本文。\n" for i in range(n)) + "contact:\n  tel: \"03\"\n")
mixed = "双方はAI Actとinteroperabilityについて5G・Beyond 5Gで議論した。" * 30_000
mixed += "双方は広島プロセスの成果及び施行状況について共有し、協力を継続することで一致しました。" * ((3_900_000 - len(mixed.encode())) // 129)
open(f"{work}/floor.yaml.tpl", "w").write("fit_floor: 4\n")  # the lowest floor a template may set
# One paragraph of Japanese on a metre-wide page at 4 pt (700 characters a line): each line's
# break was looked for among two lines' worth of characters back.
open(f"{work}/wide.yaml.tpl", "w").write("page: { size: 1000x1000, margin_left: 0, margin_right: 0 }\n"
                                         "styles:\n  body: { size: 4, line_height: 0.8, space_after: 0 }\n")
ja = "日本と欧州連合は国際標準化と研究開発の重要性を確認し、今後も協力を続けることで一致しました。\n" * (MB // 150)
for name, args in [("japanese-wide-measure", ""), ("japanese-wide-measure-fit", " --fit-pages 8")]:
    if not only or name in only:
        open(f"{work}/{name}.yaml", "w").write(body(ja))
        open(f"{work}/{name}.args", "w").write("--template " + work + "/wide.yaml.tpl" + args)
for name, (make, args) in speed.items():
    if not only or name in only:
        open(f"{work}/{name}.yaml", "w").write(make())
        open(f"{work}/{name}.args", "w").write(args)
# --- end of issue 17, typesetting speed ---
EOF
for f in "$work"/*.yaml; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .yaml)
  args=$(cat "$work/$name.args" 2>/dev/null || true)
  # shellcheck disable=SC2086 # the arguments are words
  measure build --no-embed-source $args "$f" -o "$work/out.pdf"
  printf '%-24s %8s bytes  %s  %5s MB  %s\n' "$name" "$(stat -c %s "$f")" "$(seconds)" "$mb" "$(outcome)"
done

# --- Languages and syntax slips (issue 17), each timed with `check` and with `build`: `lang:`
# lists of 2,000 and 4,000 tags (refused at the list), eight languages of 3,000 topics each, and
# a 4 MiB file with a syntax slip every few lines (the first slips reported, the rest cut off),
# and one slip before 4 MiB that is read and checked after it.
mkdir -p "$work/lang"
python3 - "$work/lang" "$@" <<'EOF'
import sys
work, only = sys.argv[1], sys.argv[2:]
MB = (4 << 20) - 200
tail = "title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: x\ncontact:\n  tel: \"1\"\n"

def tags(n):
    return [chr(97 + i // 676 % 26) + chr(97 + i // 26 % 26) + chr(97 + i % 26) for i in range(n)]

def eight():
    langs = ["en", "ja", "de", "fr", "it", "es", "nl", "pl"]
    text = lambda t: "{ " + ", ".join(f"{l}: {t} {l}" for l in langs) + " }"
    topic = lambda i: f"  - title: {text('Topic %d' % i)}\n    body: {text('Both sides met on point %d.' % i)}\n"
    return (f"lang: [{', '.join(langs)}]\ntitle: {text('Results')}\ndate: 2020-10-06\ntopics:\n"
            + "".join(topic(i) for i in range(3000)) + "contact:\n  tel: \"1\"\n")

def slips():
    block = "  - title: It's here\n    body:text\n  - title: 'Ministers' views'\n    body: x\n"
    return "title: T\ndate: 2020-10-06\ntopics:\n" + block * (MB // len(block)) + "contact:\n  tel: \"1\"\n"

def slip_then_rest():
    # One slip at the top, then 4 MiB that is read and checked after it (every topic's key
    # misspelt, under the node limit: a problem each, reported with the slip).
    block = "  - title: Topic\n    bdy: " + "Both sides met and agreed to go on with the work. " * 3 + "\n"
    return "title: 'It's'\ndate: 2020-10-06\ntopics:\n" + block * (MB // len(block)) + "contact:\n  tel: \"1\"\n"

def late_slips():
    # 4 MiB of topics, then 25 slips at the end: each of the 20 reported costs a parse of
    # nearly the whole file.
    block = "  - title: Topic\n    body: " + "Both sides met and agreed to go on with the work. " * 3 + "\n"
    slip = "".join("  - title: 'It's %d'\n    body: x\n" % i for i in range(25))
    return "title: T\ndate: 2020-10-06\ntopics:\n" + block * ((MB - 4000) // len(block)) + slip + "contact:\n  tel: \"1\"\n"

def json_one_line():
    import json
    topic = {"title": "Topic", "body": "Both sides met and agreed to go on with the work. " * 3}
    n = (MB - 200) // (len(json.dumps(topic)) + 2)
    return json.dumps({"title": "T", "date": "2020-10-06", "topics": [topic] * n, "contact": {"tel": "1"}}) + "\n"

cases = {
    "slip-then-rest": slip_then_rest,
    "late-slips": late_slips,
    "lang-2000": lambda: "lang: [" + ", ".join(tags(2000)) + "]\n" + tail,
    "lang-4000": lambda: "lang: [" + ", ".join(tags(4000)) + "]\n" + tail,
    "lang-8-topics": eight,
    "syntax-slips": slips,
    # One line of 4 MiB of early apostrophes in single quotes (text32 F32-1: the rest of the
    # line read again after each quote).
    "apostrophes-one-line": lambda: "title: T\ndate: 2020-10-06\nsummary: '" + "it's " * (MB // 5 - 20) + "'\n" + tail[25:],
    # A quoted text of 4 MiB of `#` lines, each ending with an inner quotation (text32 F32-3:
    # each line's end looked through the lines below for more of the text).
    "quoted-headings": lambda: "title: T\ndate: 2020-10-06\nsummary: \"a\n" + '  # he said "x"\n' * (MB // 16 - 10) + '  b"\n' + tail[25:],
    # A quoted text of 4 MiB of lines indented with a tab, each with a bad escape (text32
    # F32-5: the slips inside a text blanked whole are named).
    # A valid briefing written as JSON on one line (text33a F33a-8: the rest of the line read
    # after each value, for a glued `#`), and a one-line flow mapping of a key given 100,000
    # times (each key's line read whole, for a dash moved down a line).
    "json-one-line": lambda: json_one_line(),
    "duplicate-keys-one-line": lambda: "date: 2020-10-06\ntitle: {en: A" + ", x: 1" * (MB // 6 - 100) + "}\n" + tail[25:],
    "tab-lines": lambda: "title: T\ndate: 2020-10-06\nsummary: \"a\n" + "\tc \\q it\n" * (MB // 9 - 10) + '  b"\n' + tail[25:],
    # Topics typed without their `- `, a list pasted without its dashes (text45a F45a-6: each
    # key given again walked up over all the lines above it; 43 s for 8,000 topics).
    "missing-dashes": lambda: "title: T\ndate: 2020-10-06\ntopics:\n  - title: T0\n    body: b\n"
        + "".join(f"    title: T{i}\n    body: b{i}\n" for i in range(1, 110_000)) + "contact:\n  tel: \"1\"\n",
}
for name, make in cases.items():
    if not only or name in only:
        open(f"{work}/{name}.yaml", "w").write(make())
EOF
for f in "$work"/lang/*.yaml; do
  [ -e "$f" ] || continue
  for cmd in check build; do
    name="$(basename "$f" .yaml) $cmd"
    if [ $cmd = check ]; then args=(check "$f"); else args=(build --no-embed-source "$f" --out-dir "$work/out"); fi
    measure "${args[@]}"
    printf '%-22s %8s bytes  %s  %5s MB  %s\n' "$name" "$(stat -c %s "$f")" "$(seconds)" "$mb" "$(outcome)"
  done
done

# --- briefing diff: pairs of versions (OLD, NEW) in the shapes that made the comparison slow:
# a topic differing everywhere (every other word), thousands of renamed topics, Japanese
# compared by character, a big file against itself, two different big briefings. Each writes
# the redline PDF.
mkdir -p "$work/diff"
python3 - "$work/diff" "$@" <<'EOF'
import sys
work, only = sys.argv[1], sys.argv[2:]
MB = (4 << 20) - 200

def doc(topics):
    out = "title: T\ndate: 2020-10-06\ntopics:\n"
    for t, b in topics:
        out += f"  - title: \"{t}\"\n    body: |\n" + "".join("      " + l + "\n" for l in b.split("\n"))
    return out + "contact:\n  tel: \"1\"\n"

def words(n, per, changed):
    # n words in paragraphs of `per`; with `changed`, every other word differs.
    ws = [("new%d" % k if changed and k % 2 else "word%d" % k) for k in range(n)]
    return "\n\n".join(" ".join(ws[i:i + per]) for i in range(0, n, per))

def japanese(n, per, changed):
    base = "日本と欧州連合は国際標準化と研究開発の重要性を確認した"
    cs = [("変" if changed and k % 2 else base[k % len(base)]) for k in range(n)]
    return "\n\n".join("".join(cs[i:i + per]) for i in range(0, n, per))

def sentences(n, changed):
    # n Japanese sentences of 400 characters in one paragraph; with `changed`, one character
    # of each differs.
    base = "日本と欧州連合は国際標準化と研究開発の重要性を確認した"
    one = lambda k: (base * 15)[:399 - len(str(k))] + str(k) + "。"
    return "".join(one(k).replace("標", "変", 1) if changed else one(k) for k in range(n))

prose = "Japan and the EU confirmed the importance of international standardization and research."
def big(changed, n=MB // 130):
    # n paragraphs of prose; with `changed`, every other word differs (longer, hence fewer).
    paras = []
    for k in range(n):
        p = prose.split(" ")
        if changed:
            p = [w if i % 2 else "changed%d" % k for i, w in enumerate(p)]
        paras.append(" ".join(p))
    return doc([("X", "\n\n".join(paras))])

def renamed(new):
    body = "Both sides exchanged views on item %d and agreed to continue the dialogue on it."
    return doc([(("Subject %d" if new else "Topic %d") % k, body % k + (" Again." if new else "")) for k in range(4000)])

import random
vocabulary = "Japan EU digital policy cooperation data security standard research network industry trust".split()
def random_prose(size, seed):
    r = random.Random(seed)
    return "".join(" ".join(r.choice(vocabulary) for _ in range(60)) + ".\n\n" for _ in range(size // 440))
items = ["- item %d %s %s" % (k, vocabulary[k % 12], vocabulary[k * 7 % 12]) for k in range(99_000)]
def shuffled(xs):
    xs = list(xs)
    random.Random(1).shuffle(xs)
    return xs
same = random_prose(1_700_000, 7)

MIXED = "Straße ǅemal naïve ｶﾀｶﾅ ＡＢＣ x² café Ⅻ Zażółć γλώσσα 10\u00a0km".split(" ")
def mixed_pair(n):
    r, old, new = random.Random(3), [], []
    for _ in range(n):
        p = [r.choice(MIXED) for _ in range(30)]
        old.append(" ".join(p))
        for i in r.sample(range(30), 2):
            p[i] = r.choice([w for w in MIXED if w != p[i]])
        new.append(" ".join(p))
    return doc([("X", "\n\n".join(old))]), doc([("X", "\n\n".join(new))])

cases = {
    "diff-20k-words": lambda: (doc([("X", words(20000, 100, False))]), doc([("X", words(20000, 100, True))])),
    "diff-40k-words": lambda: (doc([("X", words(40000, 100, False))]), doc([("X", words(40000, 100, True))])),
    "diff-40k-one-paragraph": lambda: (doc([("X", words(40000, 40000, False))]), doc([("X", words(40000, 40000, True))])),
    "diff-renamed-topics": lambda: (renamed(False), renamed(True)),
    "diff-40k-japanese": lambda: (doc([("X", japanese(40000, 400, False))]), doc([("X", japanese(40000, 400, True))])),
    "diff-40k-japanese-one": lambda: (doc([("X", japanese(40000, 40000, False))]), doc([("X", japanese(40000, 40000, True))])),
    "diff-self-3.8MB": lambda: (big(False, MB // 110), big(False, MB // 110)),
    "diff-4MB": lambda: (big(False), big(True)),
    # A list of 99,000 items shuffled (16 s, before a redline laid out had its bounds), and
    # prose with tens of thousands of changes marked in 2.9 MB shown, just within them.
    "diff-shuffled-list": lambda: (doc([("X", "\n".join(items))]), doc([("X", "\n".join(shuffled(items)))])),
    "diff-near-bounds": lambda: (doc([("X", same + random_prose(600_000, 1))]), doc([("X", same + random_prose(600_000, 2))])),
    # 12,000 paragraphs of 30 mixed words, two changed in each: 46,000 words marked in 3 MB
    # (text37b F37b-2: 8 to 9.5 s of CPU, at the edge of the 10 s promise).
    "diff-mixed-46k-changes": lambda: mixed_pair(12_000),
    # A 4 MiB text of character references, each one changed (text40b F40b-9: 1.7 GB, past
    # the 1 GB promise, its tokens copied over and over).
    "diff-4MB-char-refs": lambda: (doc([("X", "&#7;" * (MB // 4 - 40))]), doc([("X", "&#8;" * (MB // 4 - 40))])),
    # 39,000 one-line topics, all different (text42b F42b-8: the box looked each title's
    # topic up in every topic, 16 s for the page; the PDF is refused, past 50,000 changes).
    "diff-39k-topics": lambda: tuple("title: M\ndate: 2026-01-01\ntopics:\n" + "".join(
        f"  - {{title: {t}{k}, body: {b}{k} {b}{k + 1}}}\n" for k in range(39_000)) + "contact: {tel: '1'}\n"
        for t, b in (("T", "b"), ("V", "d"))),
    # One paragraph of sentences, each changed, compared sentence by sentence (text41a
    # F41a-26): 3,000 Japanese sentences of 400 characters (3.6 MB), and 9,000 English ones.
    "diff-japanese-sentences": lambda: (doc([("X", sentences(3000, False))]), doc([("X", sentences(3000, True))])),
    "diff-9k-sentences": lambda: tuple(doc([("X", " ".join(
        f"Item {k} is {'changed' if new and k % 2 else 'kept'} in this sentence." for k in range(9000)))]) for new in (False, True)),
}
for name, make in cases.items():
    if not only or name in only:
        old, new = make()
        open(f"{work}/{name}.old.yaml", "w").write(old)
        open(f"{work}/{name}.new.yaml", "w").write(new)
EOF
for f in "$work"/diff/*.old.yaml; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .old.yaml)
  measure diff --no-embed-source "$f" "${f%.old.yaml}.new.yaml" -o "$work/out.pdf"
  # A comparison's outcome is the summary of changes, or, for a redline too large to lay
  # out in bounded time, that error (its web page is then timed too).
  case $rc in
    0) status="ok: $(echo "$out" | grep -m1 'wrote' | sed 's/; wrote.*//' | cut -c1-60)" ;;
    2) if echo "$out" | grep -q 'too large to lay out'; then
         pdf="refused at $(seconds)"
         measure diff "$f" "${f%.old.yaml}.new.yaml" -o "$work/out.html"
         status="$pdf; its web page $(seconds) (exit $rc)"
       else
         status="FAILED (exit $rc): $(echo "$out" | grep -m1 'error' | cut -c1-60)"
       fi ;;
    *) status="FAILED/TIMEOUT (exit $rc): $(echo "$out" | grep -m1 'error' | cut -c1-60)" ;;
  esac
  printf '%-22s %8s bytes  %s  %5s MB  %s\n' "$name" "$(stat -c %s "${f%.old.yaml}.new.yaml")" "$(seconds)" "$mb" "$status"
done

# --- The web page (issue 20): the first block's shapes again, to HTML (--format html).
for f in "$work"/*.yaml; do
  [ -e "$f" ] || continue
  measure build --format html "$f" -o "$work/out.html"
  [ $rc = 0 ] && status=ok || status="exit $rc: $(echo "$out" | grep -m1 'error:' | cut -c1-70)"
  printf 'html %-16s %s  %5s MB  %s\n' "$(basename "$f" .yaml)" "$(seconds)" "$mb" "$status"
done

# --- Two languages side by side and dossiers (issue 17): a bilingual briefing of 2 x 2 MB
# (prose, and 6,000 topics) built with --parallel, and dossiers of three briefings of about 1.3 MB
# (prose, and 10,000 topics), together under the 4 MiB a dossier holds.
mkdir -p "$work/pair"
python3 - "$work/pair" "$@" <<'EOF'
import random, sys
work, only = sys.argv[1], sys.argv[2:]
MB = (4 << 20) - 200
en = "Japan and the EU confirmed the importance of international standardization and research."
ja = "日本と欧州連合は国際標準化と研究開発の重要性を確認しました。"
def block(text, n):
    return "".join("        " + text + "\n\n" for _ in range(n))
def bilingual_prose():
    n = MB // 2 // 200
    return ("lang: [en, ja]\ntitle: { en: Results, ja: 結果 }\ndate: 2020-10-06\ntopics:\n  - title: { en: X, ja: エックス }\n"
            + "    body:\n      en: |\n" + block(en, n) + "      ja: |\n" + block(ja, n) + "contact:\n  tel: \"1\"\n")
def bilingual_topics(n=6000):
    t = "".join(f"  - title: {{ en: Topic {i}, ja: 議題{i} }}\n    body: {{ en: \"{en}\", ja: \"{ja}\" }}\n" for i in range(n))
    return "lang: [en, ja]\ntitle: { en: Results, ja: 結果 }\ndate: 2020-10-06\ntopics:\n" + t + "contact:\n  tel: \"1\"\n"
def prose(n):
    return ("title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: |\n"
            + "".join("      " + en + "\n\n" for _ in range(n)) + "contact:\n  tel: \"1\"\n")
def topics(n):
    t = "".join(f"  - title: Topic {i}\n    body: {en} {i}.\n" for i in range(n))
    return "title: T\ndate: 2020-10-06\ntopics:\n" + t + "contact:\n  tel: \"1\"\n"
cases = {
    "parallel-prose": bilingual_prose,
    "parallel-topics": bilingual_topics,
    "bundle-prose-1": lambda: prose(13_000), "bundle-prose-2": lambda: prose(13_000), "bundle-prose-3": lambda: prose(13_000),
    "bundle-topics-1": lambda: topics(10_000), "bundle-topics-2": lambda: topics(10_000), "bundle-topics-3": lambda: topics(10_000),
    # A briefing whose title is one 1 MB word, in a dossier's contents (text46a F46a-21: 1.1 GB
    # for 200 KB; 1 MB aborted after 2.6 GB; a longer title is past a dossier's limit with --toc).
    "bundle-title-word-1": lambda: "title: " + "W" * 1_000_000 + "\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: x\ncontact:\n  tel: \"1\"\n",
    "bundle-title-word-2": lambda: prose(10),
}
for name, make in cases.items():
    if not only or name in only or name.rsplit("-", 1)[0] in only:
        open(f"{work}/{name}.yaml", "w").write(make())
# A dossier at its limits (text37b F37b-2): 1,000 briefings of six topics of mixed words,
# 4 MB together, with its contents listing every topic (--toc).
if not only or "bundle-many" in only:
    words = "Straße ǅemal ﬁnal ｶﾀｶﾅ ＡＢＣ x² café Ⅻ Zażółć γλώσσα 10\u00a0km 政策対話 について".split(" ")
    r = random.Random(7)
    for i in range(1000):
        topics = "".join(f"  - title: \"Thema {j} {r.choice(words)}\"\n    body: |\n      "
                         + " ".join(r.choice(words) for _ in range(69)) + "\n" for j in range(6))
        open(f"{work}/many-{i:04d}.yaml", "w").write(
            f"title: \"Briefing {i} {r.choice(words)}\"\ndate: 2026-01-02\nlang: de\ntopics:\n{topics}contact:\n  email: a@example.org\n")
# A thousand small briefings of 64 one-line topics each, 3.5 MB, with contents (text45b
# F45b-4: the contents' 65,000 lines set their dot leaders as 4.5 million characters, 13 s).
if not only or "bundle-small-toc" in only:
    for i in range(1000):
        t = "".join(f"  - {{title: \"Topic {j} on data and trust\", body: B{j}}}\n" for j in range(64))
        open(f"{work}/tocs-{i:04d}.yaml", "w").write(
            f"title: Briefing number {i} on digital cooperation\ndate: 2026-01-01\ntopics:\n{t}contact: {{tel: \"1\"}}\n")
# 3.6 MB of prose set at 4 pt, drawn as page images within the 400 million pixels (text45b
# F45b-5: eight times the glyphs a page, 15 s).
if not only or "png-4pt" in only:
    r = random.Random(1)
    words = ["".join(r.choice("abcdefghijklmnop") for _ in range(r.randint(2, 9))) for _ in range(2000)]
    paras = "".join("      " + " ".join(r.choice(words) for _ in range(60)) + "\n\n" for _ in range(9000))
    open(f"{work}/png-4pt.yaml", "w").write(
        "title: T\ndate: 2026-01-01\ntopics:\n  - title: T\n    body: |\n" + paras + "contact:\n  tel: \"1\"\n")
    open(f"{work}/png-4pt.tpl.yaml", "w").write("styles: { body: { size: 4, line_height: 1.0, space_after: 0 } }\n")
# A template whose logo is at the limit, 25 million pixels (text43b F43b-4: a dossier, which
# prints no logo, copied it for every briefing: 300 took 23.6 s).
if not only or "bundle-logo" in only:
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    side = 5000
    rows = zlib.compress(b"".join(b"\0" + b"\x20\x40\x60\xff" * side for _ in range(side)), 9)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    open(f"{work}/logo.png", "wb").write(png)
    open(f"{work}/logo.yaml", "w").write("title_block:\n  logo: logo.png\n")
    for i in range(300):
        open(f"{work}/small-{i:03d}.yaml", "w").write(
            f"title: Briefing {i}\ndate: 2026-01-02\ntopics:\n  - title: A\n    body: Text {i}.\ncontact:\n  tel: \"1\"\n")
EOF
timed() {  # NAME ARGS…: one line, as above
  local name=$1
  shift
  measure "$@"
  printf '%-24s %s  %5s MB  %s\n' "$name" "$(seconds)" "$mb" "$(outcome)"
}
for f in "$work"/pair/parallel-*.yaml; do
  [ -e "$f" ] || continue
  timed "$(basename "$f" .yaml)" build --no-embed-source --parallel "$f" -o "$work/out.pdf"
done
for kind in prose topics; do
  set -- "$work"/pair/bundle-$kind-*.yaml
  [ -e "$1" ] || continue
  timed "bundle-$kind (3 files)" bundle "$@" -o "$work/out.pdf"
done
set -- "$work"/pair/bundle-title-word-*.yaml
if [ -e "$1" ]; then
  timed "bundle-title-word (--toc)" bundle "$@" --toc -o "$work/out.pdf"
fi
set -- "$work"/pair/many-*.yaml
if [ -e "$1" ]; then
  timed "bundle-many (1,000, --toc)" bundle "$@" --toc -o "$work/out.pdf"
fi
set -- "$work"/pair/tocs-*.yaml
if [ -e "$1" ]; then
  timed "bundle-small-toc (1,000)" bundle "$@" --toc -o "$work/out.pdf"
fi
if [ -e "$work/pair/png-4pt.yaml" ]; then
  mkdir -p "$work/png"
  timed "png-4pt (185 ppi)" build "$work/pair/png-4pt.yaml" --template "$work/pair/png-4pt.tpl.yaml" \
    --format png --ppi 185 -o "$work/png/p-{p}.png"
fi
set -- "$work"/pair/small-*.yaml
if [ -e "$1" ]; then
  timed "bundle-logo (300, 25 Mpx)" bundle "$@" --template "$work/pair/logo.yaml" -o "$work/out.pdf"
fi

# --- briefing edit (text42b F42b-9): the editor's routes on big texts, each request cut off at
# 60 s: opening the file (GET /api/state), a form snapshot of its text, and one edit of the
# title (with the snapshot after it). 39,000 topics (the most under the node limit), and 299,495 headings with nothing under
# them (a problem each), took minutes: each field's and each problem's line was counted from
# the text's start. The same problems all on one line (each topic's key misspelt, in JSON).
mkdir -p "$work/edit"
python3 - "$work/edit" ${cases[@]+"${cases[@]}"} <<'EOF'
import json, sys
work, only = sys.argv[1], sys.argv[2:]
MB = (4 << 20) - 200
def topics():
    t = "".join(f"  - title: Topic {i}\n    body: Both sides met and agreed to go on with the work on point {i}.\n"
                for i in range(39_000))
    return "title: T\ndate: 2020-10-06\ntopics:\n" + t + "contact:\n  tel: \"1\"\n"
def headings():
    return ("title: T\ndate: 2020-10-06\ntopics:\n  - title: X\n    body: |\n" + "      ## x\n\n" * (MB // 14 - 100)
            + "contact:\n  tel: \"1\"\n")
def one_line():
    topic = {"title": "T", "bdy": "Both sides met and agreed to go on with the work."}
    n = 39_000
    return json.dumps({"title": "T", "date": "2020-10-06", "topics": [topic] * n, "contact": {"tel": "1"}}) + "\n"
cases = {"edit-topics": topics, "edit-headings": headings, "edit-one-line": one_line}
for name, make in cases.items():
    if not only or name in only:
        open(f"{work}/{name}.yaml", "w").write(make())
EOF
for f in "$work"/edit/*.yaml; do
  [ -e "$f" ] || continue
  "$bin" edit "$f" --no-open >"$work/edit/address" 2>/dev/null &
  server=$!
  for _ in $(seq 100); do grep -q token= "$work/edit/address" && break; sleep 0.1; done
  python3 - "$(head -1 "$work/edit/address")" "$f" <<'EOF' || true
import json, re, sys, time, urllib.error, urllib.request
url, path = sys.argv[1], sys.argv[2]
base, port, token = re.match(r"(http://127\.0\.0\.1:(\d+))/\?token=(\w+)", url).groups()
# (The session secret is in the page the token opens, sent in a header: text46b F46b-8.)
first = urllib.request.urlopen(urllib.request.Request(f"{base}/?token={token}"), timeout=60).read()
session = re.search(rb'name="briefing-session" content="([^"]+)"', first).group(1).decode()
headers = {"X-Briefing-Session": session, "Origin": base, "Content-Type": "application/json"}
source = open(path).read()
def timed(route, body=None):
    data = None if body is None else json.dumps(body, separators=(",", ":")).encode()
    request = urllib.request.Request(base + route, data=data, headers=headers, method="GET" if body is None else "POST")
    start = time.time()
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            status, snap = r.status, json.loads(r.read())["snapshot"]
    except urllib.error.HTTPError as e:
        status, snap = e.code, {}
    except OSError:
        return "TIMEOUT"
    return f"{time.time() - start:5.1f} s ({status}, {len(snap.get('problems', []))} problems)"
name = path.rsplit("/", 1)[-1][:-5]
edit = {"source": source, "edits": [{"op": "set", "path": "title", "lang": None, "value": "N"}]}
# (2.7 million tiny edits, 24 MB, within the body limit: read whole, 1.7 GB, text43b F43b-1.)
many = {"source": "title: T\n", "edits": [{"a": 0}] * 2_700_000}
# Ten edits of a text over several lines, the most one request makes (text45b F45b-2).
ten = {"source": source, "edits": [{"op": "set", "path": "summary", "lang": None, "value": f"Para {i}\nline two"}
                                   for i in range(10)]}
print(f"{name:<14} open {timed('/api/state')}  snapshot {timed('/api/snapshot', {'source': source})}"
      f"  edit {timed('/api/apply', edit)}  ten edits {timed('/api/apply', ten)}  many edits {timed('/api/apply', many)}")
EOF
  echo "  server peak: $(grep VmHWM "/proc/$server/status" | tr -s ' \t' ' ')"
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
done

# --- A batch (text44b F44b-17): `build DIR/ --out-dir` of 100 inputs of 3.9 MB each (a small
# briefing, then 39,000 comment lines). Every input was held until the last was made: 419 MB
# for 100, 1 GB for 260; now one per thread at a time, so the peak does not grow with the count.
if [ ${#cases[@]} -eq 0 ] || [[ " ${cases[*]} " == *" batch-many "* ]]; then
  mkdir -p "$work/batch"
  python3 - "$work/batch" <<'PY'
import sys
s = 'title: B\ndate: 2026-01-01\ntopics:\n  - title: T\n    body: Text.\ncontact: {tel: "1"}\n'
s += ('# ' + 'x' * 97 + '\n') * 39_000
for i in range(100):
    open(f"{sys.argv[1]}/b{i:03}.yaml", "w").write(s)
PY
  timed "batch-many (100 x 3.9 MB)" build --no-embed-source "$work/batch/" --out-dir "$work/batch-out"
  rm -rf "$work/batch" "$work/batch-out"
fi

# --- extract (text42b F42b-10): the sources of a dossier of 1,000 briefings of 190 list items
# each (the most pieces a dossier holds: 20 MB, 5,000 pages, half a million objects) written back. Its memory was 60 times the
# PDF's (2.4 GB), every object read; now the attachments and what leads to them.
if [ ${#cases[@]} -eq 0 ] || [[ " ${cases[*]} " == *" extract-dossier "* ]]; then
  mkdir -p "$work/dossier"
  python3 - "$work/dossier" <<'PY'
import sys
s = 'title: B\ndate: 2026-01-01\ntopics:\n  - title: T\n    body: |\n' + '      - x\n' * 190 + 'contact: {tel: "1"}\n'
for i in range(1000):
    open(f"{sys.argv[1]}/b{i:04}.yaml", "w").write(s)
PY
  measure bundle "$work"/dossier/*.yaml -o "$work/dossier.pdf"
  printf '%-24s %s  %5s MB  %s\n' "extract-dossier (bundle)" "$(seconds)" "$mb" "$(outcome)"
  timed "extract-dossier" extract "$work/dossier.pdf" -o "$work/dossier-out/"
fi

# --- extract of hostile PDFs (text43b F43b-2, F43b-3): an object stream whose data is 60,000
# object streams of 1 MiB each (160 KB: minutes), 40 nested one in another, 64 MiB each (94 KB:
# 2.6 GB), a cross-reference stream of 1 GiB of zeros (1 MB: 1.1 GB), and the catalog in an
# object stream with a predictor, of 1 GiB. Each refused, in well under a second. Then (F43b-9,
# -11, -13, -15) 1,000 attachments of 4 MiB each, one stream (135 KB: over 4 GB), an object
# stream said to lie in itself (a stack overflow), a catalog whose /AF lists 20 million
# references (120 MB: 4.8 GB) and 9 million empty streams (153 MB: 26 s). Then streams whose
# /Length lopdf looks up as it loads the file: in an object stream whose own /Length it is (a
# stack overflow), in an object stream of 1 GiB, and in a stream whose /Length is in the next,
# 20,000 deep (a stack overflow); and an object of 60 MB in an object stream, parsed whole.
# Then objects where the cross-reference data places them: a catalog of 12 MB inside another
# object's stream data (parsed by lopdf, unmeasured: past a minute), and 2,000 entries at one
# object of 3 MiB (parsed once for each: past a minute).
mkdir -p "$work/hostile"
python3 - "$work/hostile" ${cases[@]+"${cases[@]}"} <<'EOF'
import struct, sys, zlib
work, only = sys.argv[1], sys.argv[2:]
MiB = 1 << 20
def objstm(data, more=b""):
    return b"<</Type/ObjStm/N 1/First 4/Filter/FlateDecode" + more + b"/Length %d>> stream\n" % len(data) + data + b"\nendstream"
def zeros(n, head=b"", fill=b"\0"):
    c = zlib.compressobj(9)
    out = c.compress(head)
    for _ in range(n // (16 * MiB)):
        out += c.compress(fill * (16 * MiB))
    out += c.compress(fill * (n % (16 * MiB)))
    return out + c.flush()
def bomb():
    inner = b"1 0 obj " + objstm(zlib.compress(b"\0" * MiB, 9)) + b" endobj\n"
    return b"%PDF-1.7\n2 0 obj " + objstm(zlib.compress(inner * 60_000, 9)) + b" endobj\ntrailer <<>>\n%%EOF\n"
def deep():
    u = b""
    for _ in range(40):
        data = u + b"\0" * (64 * MiB - len(u) - 16)
        u = b"1 0 obj " + objstm(zlib.compress(data, 9)) + b" endobj\n"
    return b"%PDF-1.7\n" + u + b"trailer <<>>\n%%EOF\n"
def with_xref(objects, rows, more):
    """`objects` (number, bytes) in order, then a cross-reference stream of `rows` (or of
    rows(offsets)) whose dictionary has `more`."""
    out, at = bytearray(b"%PDF-1.7\n"), {}
    for n, body in objects:
        at[n] = len(out)
        out += b"%d 0 obj " % n + body + b" endobj\n"
    x = len(out)
    data = rows(at) if callable(rows) else rows
    out += b"9 0 obj <</Type/XRef/W [1 4 2]/Root 1 0 R" + more + b"/Length %d>> stream\n" % len(data) + data
    out += b"\nendstream endobj\nstartxref\n%d\n%%%%EOF\n" % x
    return bytes(out)
def xref():
    return with_xref([(1, b"<</Type/Catalog>>")], zeros(1 << 30), b"/Size 3/Filter/FlateDecode")
def predictor():
    stm = objstm(zeros(1 << 30, b"1 0 <</Type/Catalog>>", b" "), b"/DecodeParms<</Predictor 1>>")
    rows = lambda at: b"".join(struct.pack(">BIH", *r) for r in [(0, 0, 0xffff), (2, 2, 0), (1, at[2], 0)])
    return with_xref([(2, stm)], rows, b"/Size 3")
def attachments():
    data = zlib.compress(b"#" * (4 * MiB - 1), 9)
    objects = [(1, b"<</Type/Catalog/Names<</EmbeddedFiles 3 0 R>>>>"),
               (2, b"<</Type/EmbeddedFile/Filter/FlateDecode/Length %d>> stream\n" % len(data) + data + b"\nendstream"),
               (3, b"<</Names [" + b"".join(b"(b%d.yaml) %d 0 R " % (i, 10 + i) for i in range(1000)) + b"]>>")]
    objects += [(10 + i, b"<</Type/Filespec/UF (b%d.yaml)/EF <</F 2 0 R>>>>" % i) for i in range(1000)]
    rows = lambda at: b"".join(struct.pack(">BIH", 1, at[n], 0) if n in at else struct.pack(">BIH", 0, 0, 0)
                               for n in range(1010))
    return with_xref(objects, rows, b"/Size 1010")
def selfstm():
    rows = b"".join(struct.pack(">BIH", *r) for r in [(0, 0, 0xffff), (2, 2, 0), (2, 2, 0)])
    return with_xref([(2, objstm(zlib.compress(b"1 0 <</Type/Catalog>>")))], rows, b"/Size 3")
def af():
    return with_xref([(1, b"<</Type/Catalog/AF [" + b"2 0 R " * 20_000_000 + b"]>>"), (2, b"<<>>")],
                     lambda at: b"".join(struct.pack(">BIH", 1, at.get(n, 0), 0) for n in range(3)), b"/Size 3")
def streams():
    return b"%PDF-1.7\n" + b" stream endstream" * 9_000_000 + b"\ntrailer <<>>\n%%EOF\n"
def entries(at, rows):
    return b"".join(struct.pack(">BIH", *r) for r in rows(at))
def length_loop():
    stm = b"<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length 8 0 R>> stream\n" + zlib.compress(b"8 0 5 ") + b"\nendstream"
    rows = lambda at: [(0, 0, 0xffff), (2, 2, 1), (1, at[2], 0)] + [(0, 0, 0)] * 5 + [(2, 2, 0)]
    return with_xref([(2, stm)], lambda at: entries(at, rows), b"/Size 9")
def length_bomb():
    rows = lambda at: [(0, 0, 0xffff), (1, at[1], 0), (1, at[2], 0), (1, at[3], 0)] + [(0, 0, 0)] * 4 + [(2, 3, 0)]
    return with_xref([(1, b"<</Type/Catalog>>"), (2, b"<</Length 8 0 R>> stream\nabc\nendstream"),
                      (3, objstm(zeros(1 << 30, b"", b" ")))], lambda at: entries(at, rows), b"/Size 9")
def length_chain():
    n = 20_000
    objects = [(1, b"<</Type/Catalog>>")] + [(i, b"<</Length %d 0 R>> stream\nx\nendstream" % (i + 1)) for i in range(2, n)]
    objects.append((n, b"<</Length 1>> stream\nx\nendstream"))
    rows = lambda at: [(0, 0, 0xffff)] + [(1, at[i], 0) for i in range(1, n + 1)]
    return with_xref(objects, lambda at: entries(at, rows), b"/Size %d" % (n + 1))
def objstm_object():
    catalog = b"1 0 <</Type/Catalog/AF [" + b"2 0 R " * 10_000_000 + b"]>>"
    rows = lambda at: [(0, 0, 0xffff), (2, 2, 0), (1, at[2], 0)]
    return with_xref([(2, objstm(zlib.compress(catalog, 9)))], lambda at: entries(at, rows), b"/Size 3")
def hidden():
    catalog = b"1 0 obj <</Type/Catalog/AF [" + b"2 0 R " * 2_000_000 + b"]>> endobj"
    head = b"%%PDF-1.7\n2 0 obj <</Length %d>> stream\n" % len(catalog)
    rows = lambda at: entries(at, lambda at: [(0, 0, 0xffff), (1, len(head), 0), (1, 9, 0)])
    return with_xref([(2, b"<</Length %d>> stream\n" % len(catalog) + catalog + b"\nendstream")], rows, b"/Size 3")
def many_entries():
    rows = lambda at: [(0, 0, 0xffff), (1, at[1], 0)] + [(1, at[2], 0)] * 2000
    return with_xref([(1, b"<</Type/Catalog>>"), (2, b"<</X [" + b"0 " * (3 * MiB // 2) + b"]>>")],
                     lambda at: entries(at, rows), b"/Size 2002")
cases = {"extract-objstm-bomb": bomb, "extract-objstm-deep": deep, "extract-xref-bomb": xref,
         "extract-objstm-predictor": predictor, "extract-attachments": attachments,
         "extract-objstm-in-itself": selfstm, "extract-af-20m": af, "extract-streams": streams,
         "extract-length-loop": length_loop, "extract-length-bomb": length_bomb,
         "extract-length-chain": length_chain, "extract-objstm-object": objstm_object,
         "extract-hidden": hidden, "extract-many-entries": many_entries}
for name, make in cases.items():
    if not only or name in only:
        open(f"{work}/{name}.pdf", "wb").write(make())
EOF
for f in "$work"/hostile/*.pdf; do
  [ -e "$f" ] || continue
  timed "$(basename "$f" .pdf)" extract "$f" -o "$work/hostile/out.yaml"
done
