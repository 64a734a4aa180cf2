// Reads a PDF as pdf.js (Firefox's PDF viewer) reads it to a screen reader: from the structure
// tree, where an element's /ActualText stands for what it holds, and otherwise from the text
// of its marked content (in which pdf.js hears a wide gap between glyphs as a space).
//
//   node pdfjs.mjs words FILE.pdf SOURCE.yaml    every word hyphenated across lines comes
//                                                whole, as typed in SOURCE (at least two)
//   node pdfjs.mjs spaces FILE.pdf SOURCE.yaml   no space beside Japanese text that SOURCE
//                                                does not have (spacing beside Latin text and
//                                                justified lines are gaps, not spaces)
import fs from "fs";

// Node 20 lacks Promise.withResolvers, which pdf.js uses.
if (!Promise.withResolvers) {
  Promise.withResolvers = () => {
    let resolve, reject;
    const promise = new Promise((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject };
  };
}
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const [check, file, source] = process.argv.slice(2);
const typed = fs.readFileSync(source, "utf8");
const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;

// Each page's structure tree and the text of each marked-content id.
const pages = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
  const texts = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else {
      const id = open.findLast((x) => x);
      if (id) texts.set(id, (texts.get(id) ?? "") + item.str);
    }
  }
  pages.push({ tree: await page.getStructTree(), texts });
}

const fail = (what) => {
  console.log(`FAIL pdf.js ${what}`);
  process.exit(1);
};

if (check === "words") {
  const words = [];
  const walk = (n) => {
    if (n.role === "Span" && n.alt) words.push(n.alt);
    (n.children || []).forEach(walk);
  };
  for (const { tree } of pages) if (tree) walk(tree);
  const bad = words.filter((w) => /[\s\u00AD-]$/.test(w) || !typed.includes(w));
  if (words.length < 2 || bad.length > 0) {
    fail(`reads hyphenated words whole: ${words.length} found, not as typed: ${JSON.stringify(bad)}`);
  }
  console.log(`ok   pdf.js reads ${words.length} hyphenated words whole (${words.slice(0, 4).join(", ")}…)`);
} else if (check === "spaces") {
  // What a screen reader hears, block by block.
  const blocks = [];
  const spoken = (n, texts) =>
    n.alt ?? (n.children || []).map((k) => (k.type === "content" ? texts.get(k.id) ?? "" : spoken(k, texts))).join("");
  const walk = (n, texts) => {
    // (A contents entry ends in its page number, apart from the title.)
    if (n.role === "TOCI") blocks.push(spoken(n, texts).replace(/ +\d+$/, ""));
    else if (/^(P|H\d?|LI|Lbl|LBody|TD|TH|Caption)$/.test(n.role)) blocks.push(spoken(n, texts));
    else (n.children || []).forEach((k) => walk(k, texts));
  };
  for (const { tree, texts } of pages) if (tree) walk(tree, texts);
  const japanese = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF";
  const flat = typed.replace(/\s+/g, " ");
  // A space the template puts between two typed values (the office line's ideographic
  // space, which pdf.js hears as a space), after a heading's number or before a link's
  // printed address is no gap.
  const values = typed.split("\n").map((l) => l.replace(/^[\s-]*(\w+:)?\s*["']?/, "").replace(/["']?\s*$/, ""));
  const ends = new Set(values.map((v) => [...v].at(-1)));
  const starts = new Set(values.map((v) => [...v][0]));
  const heard = blocks.join("\n");
  const untyped = new Set();
  for (const m of heard.matchAll(new RegExp(`[${japanese}] +\\S|\\S +[${japanese}]`, "gu"))) {
    const [pair] = m;
    const one = pair.replace(/ +/g, " ");
    const chars = [...one];
    const at = m.index;
    const address = /^\S +\((https?:|mailto:)/.test(heard.slice(at, at + pair.length + 8));
    // (A heading's number starts its block: `1. `, `2 `, `1.2 `.)
    const head = heard.slice(heard.lastIndexOf("\n", at) + 1, at + pair.indexOf(" ") + 1);
    const numbered = /^\d+(\.\d+)*\.? $/.test(head);
    const joined = (ends.has(chars[0]) && starts.has(chars.at(-1))) || numbered || address;
    if (!flat.includes(one) && !joined) untyped.add(one);
  }
  const kana = (heard.match(new RegExp(`[${japanese}]`, "gu")) ?? []).length;
  if (kana < 100 || untyped.size > 0) {
    fail(`reads Japanese as typed: ${kana} Japanese characters, spaces nobody typed in ${JSON.stringify([...untyped].slice(0, 12))}`);
  }
  console.log(`ok   pdf.js reads ${kana} Japanese characters with no space nobody typed`);
} else {
  fail(`check: unknown check ${JSON.stringify(check)} (words or spaces)`);
}
