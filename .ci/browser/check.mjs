// The web pages in a real browser: axe-core (WCAG 2.0/2.1 A and AA, best practice) in headless
// Chromium, every word of the YAML in document.body.innerText in order, and no sideways scroll
// at 320 CSS px (WCAG 1.4.10).
//
//   node check.mjs PAGE.html:BRIEFING.yaml[:LANG] …
//
// Prints each problem and exits 1 if there is any.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";
import YAML from "yaml";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// Keys whose values are not printed as written (the date is formatted, lang and draft are
// flags) or are printed in the page's metadata only.
// The contact block and the marking are checked apart: the contact's lines come in the order
// the language gives them, and the marking stands at the top, before the title.
const SKIP = new Set(["date", "lang", "draft", "subject", "short_title", "contact", "marking"]);

/** Every text value of the YAML, in document order, in language `lang` where values are
 * mappings from language to text. */
function texts(node, lang, langs, out = []) {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => texts(n, lang, langs, out));
  else if (node && typeof node === "object") {
    const keys = Object.keys(node);
    if (langs.length && keys.length && keys.every((k) => langs.includes(k))) {
      texts(node[lang] ?? node[langs[0]], lang, langs, out);
      return out;
    }
    for (const k of keys) if (!SKIP.has(k)) texts(node[k], lang, langs, out);
  }
  return out;
}

/** The words of a text as a reader would find them: Markdown markup gone, and Japanese
 * compared character by character. */
function words(text) {
  const plain = text
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, t, u) => (t.trim() === u.trim() ? t : `${t} (${u})`)) // a link: its text, then its address, as printed
    .replace(/[*`]/g, "")
    .replace(/^\s*(?:[-+]|\d+[.)])\s+/gm, " ") // list markers (numbers are checked by the Rust tests)
    .replace(/^\s*>\s?/gm, " ")
    .replace(/^\s*#{1,6}\s+/gm, " ") // a heading's marker
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, " ") // a table's separator row
    .replace(/\|/g, " ");
  return norm(plain).split(/\s+/).filter(Boolean).flatMap((w) => (/[\u3000-\u9fff\uff00-\uffef]/.test(w) ? [...w] : [w]));
}

/** Text with the differences a page may rightly make (typographic quotes and dashes, width
 * of spaces) taken out. */
function norm(s) {
  return s
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2010\u2011\u2013\u2014-]/g, " ")
    .replace(/\u2026/g, "...")
    .replace(/[\u00a0\u202f\u2009\u3000]/g, " ");
}

function inOrder(pageText, yamlWords) {
  const hay = norm(pageText).replace(/\s+/g, "");
  let at = 0;
  for (const w of yamlWords) {
    const i = hay.indexOf(w.replace(/\s+/g, ""), at);
    if (i < 0) return `"${w}" is not in the page after position ${at}: …${hay.slice(Math.max(0, at - 40), at + 40)}…`;
    at = i + w.length;
  }
  return null;
}

const jobs = process.argv.slice(2).map((arg) => {
  const [page, yaml, lang] = arg.split(":");
  return { page: resolve(page), yaml, lang };
});
const profile = mkdtempSync(join(tmpdir(), "briefing-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
  ],
});
let problems = 0;
const fail = (page, msg) => {
  problems++;
  console.log(`${page}: ${msg}`);
};
try {
  for (const { page, yaml, lang } of jobs) {
    const tab = await browser.newPage();
    // Nothing may be fetched: every request but the page itself fails the check.
    await tab.setRequestInterception(true);
    tab.on("request", (r) => {
      if (r.url() === `file://${page}`) return r.continue();
      fail(page, `fetches ${r.url()}`);
      r.abort();
    });
    await tab.setViewport({ width: 1280, height: 900 });
    // The page's Content-Security-Policy forbids every script, axe's too: the check's own
    // script is let in past it.
    await tab.setBypassCSP(true);
    await tab.goto(`file://${page}`, { waitUntil: "load" });
    await tab.addScriptTag({ content: axeSource });
    const result = await tab.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      }),
    );
    for (const v of result.violations) {
      fail(page, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }
    if (yaml) {
      const doc = YAML.parse(readFileSync(yaml, "utf8"), { schema: "failsafe" });
      const langs = Array.isArray(doc.lang) ? doc.lang : [];
      const text = await tab.evaluate(() => document.body.innerText);
      const l = lang ?? langs[0];
      const missing = inOrder(text, words(texts(doc, l, langs).join("\n\n")));
      if (missing) fail(page, missing);
      const hay = norm(text).replace(/\s+/g, "");
      for (const w of words(texts([doc.contact, doc.marking ?? ""], l, langs).join("\n"))) {
        if (!hay.includes(w)) fail(page, `contact or marking: "${w}" is not in the page`);
      }
    }
    // Text copied from a redline is the text: the words said to a screen reader before a
    // change ("Deleted: ") stay out of a selection (text40b F40b-23).
    const copied = await tab.evaluate(() => {
      const s = window.getSelection();
      s.selectAllChildren(document.querySelector("main"));
      return s.toString();
    });
    const said = await tab.evaluate(() => [...document.querySelectorAll("ins .vh, del .vh")].map((e) => e.textContent.trim())[0]);
    if (said && copied.includes(said)) fail(page, `a selection copies "${said}" with the redline's text`);
    await tab.setViewport({ width: 320, height: 640 });
    const wide = await tab.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 320) fail(page, `scrolls sideways at 320 px (${wide} px wide)`);
    // A table too wide scrolls in its box; its cells keep their words whole (text40b F40b-16:
    // "Owne|r", "Sta|tus"). Lines of a cell are counted against its words (Latin cells only:
    // Japanese breaks between any two characters).
    const broken = await tab.evaluate(() =>
      [...document.querySelectorAll("th,td")]
        .filter((c) => !/[\u3040-\u30ff\u3400-\u9fff]/.test(c.innerText))
        .filter((c) => {
          const r = document.createRange();
          r.selectNodeContents(c);
          const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.bottom))).size;
          return lines > Math.max(1, c.innerText.trim().split(/[\s\-/]+/).filter(Boolean).length);
        })
        .map((c) => c.innerText)
        .slice(0, 3),
    );
    if (broken.length) fail(page, `table cells break inside words at 320 px: ${broken.join(" | ")}`);
    await tab.close();
    console.log(`${page}: checked`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(problems ? 1 : 0);
