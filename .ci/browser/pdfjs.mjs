// Reads a PDF as pdf.js (Firefox's PDF viewer) does, and checks that every word hyphenated
// across lines reaches it whole: pdf.js takes a structure element's /ActualText as the text
// Firefox hands to screen readers. Usage: node pdfjs.mjs FILE.pdf SOURCE.yaml
// Each whole word must be a word of SOURCE (as typed); at least two must be found.
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

const [file, source] = process.argv.slice(2);
const typed = fs.readFileSync(source, "utf8");
const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
const words = [];
for (let p = 1; p <= doc.numPages; p++) {
  const tree = await (await doc.getPage(p)).getStructTree();
  const walk = (n) => {
    if (n.role === "Span" && n.alt) words.push(n.alt);
    (n.children || []).forEach(walk);
  };
  if (tree) walk(tree);
}
const bad = words.filter((w) => /[\s\u00AD-]$/.test(w) || !typed.includes(w));
if (words.length < 2 || bad.length > 0) {
  console.log(`FAIL pdf.js reads hyphenated words whole: ${words.length} found, not as typed: ${JSON.stringify(bad)}`);
  process.exit(1);
}
console.log(`ok   pdf.js reads ${words.length} hyphenated words whole (${words.slice(0, 4).join(", ")}…)`);
