// briefing edit: the page. It holds the briefing's YAML text; the server turns form edits into
// the patched text (only the edited value changes), says what the form and the problems are,
// builds the preview, and saves. No framework, no build step.
"use strict";

const $ = (id) => document.getElementById(id);

// Each language in its own words, as the web page's switcher names them (src/html/mod.rs).
const LANGUAGE_NAMES = {
  en: "English", ja: "日本語", bg: "Български", cs: "Čeština", da: "Dansk", de: "Deutsch",
  el: "Ελληνικά", es: "Español", et: "Eesti", fi: "Suomi", fr: "Français", ga: "Gaeilge",
  hr: "Hrvatski", hu: "Magyar", it: "Italiano", lt: "Lietuvių", lv: "Latviešu", mt: "Malti",
  nl: "Nederlands", pl: "Polski", pt: "Português", ro: "Română", sk: "Slovenčina",
  sl: "Slovenščina", sv: "Svenska", zh: "中文", ko: "한국어",
};

const state = {
  file: "",
  docLang: null, // the language of a briefing in one language, typed or found from its text
  source: "",
  saved: "", // the text as last loaded or saved
  hash: "", // the file's hash on disk when it was loaded or saved
  snapshot: null,
  shape: "", // the form's fields, to know when the form must be drawn again
  previewLang: null,
  saving: false, // a save is under way: the file's hash is about to change
  outside: null, // the disk hash an alert was shown for
  queue: Promise.resolve(),
  timers: new Map(),
  edits: 0, // form edits typed but not yet back from the server
};

// The session secret: in the page the first visit opened (the address with the token), then
// kept in this tab's sessionStorage, which is this origin's alone (its port included), so that
// a reload keeps it. It goes in a header of every request, never in a cookie, which a browser
// would send to every server on 127.0.0.1, whatever its port (text46b F46b-8).
const SESSION = (() => {
  const meta = document.querySelector('meta[name="briefing-session"]');
  let secret = meta?.content ?? null;
  meta?.remove();
  try {
    if (secret) sessionStorage.setItem("briefing-session", secret);
    else secret = sessionStorage.getItem("briefing-session");
  } catch {
    // No storage: the secret lives as long as the page; a reload asks for a new address.
  }
  // The token is spent: out of the address bar and the history.
  if (location.search) history.replaceState(null, "", "/");
  return secret;
})();

/** A request to the server with the session; a body makes it a POST of JSON. */
function send(path, body) {
  const headers = { "X-Briefing-Session": SESSION ?? "" };
  const init = body === undefined
    ? { method: "GET", headers }
    : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) };
  init.credentials = "omit";
  init.cache = "no-store";
  return fetch(path, init);
}

async function api(path, body) {
  const response = await send(path, body);
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  return { status: response.status, ok: response.ok, data };
}

/** Runs `job` after every job before it: edits are made to the text in the order typed. */
function enqueue(job) {
  state.queue = state.queue.then(job).catch((e) => showAlert(`Something went wrong: ${e.message}`, "bad"));
  return state.queue;
}

/** Calls `fn` once `ms` have passed without another call with the same key. */
function debounce(key, ms, fn) {
  clearTimeout(state.timers.get(key)?.timer);
  state.timers.set(key, { timer: setTimeout(() => { state.timers.delete(key); fn(); }, ms), fn });
}

/** Runs every waiting debounced call now (before a save). */
function flushTimers() {
  for (const [key, { timer, fn }] of [...state.timers]) {
    if (key === "preview") continue;
    clearTimeout(timer);
    state.timers.delete(key);
    fn();
  }
}

// ---------------------------------------------------------------- the text and its state

function setSource(text) {
  state.source = text;
  japaneseFace(text);
  const area = $("source");
  const shown = text.replace(/\r\n/g, "\n");
  if (area.value !== shown) {
    // The text area is set even while it has the focus (a form edit made on what was typed
    // there): the caret stays by the text it was beside, before or after what changed.
    const old = area.value;
    const [from, to] = [area.selectionStart, area.selectionEnd];
    let head = 0;
    while (head < old.length && head < shown.length && old[head] === shown[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < shown.length - head && old[old.length - 1 - tail] === shown[shown.length - 1 - tail]) tail++;
    const moved = (at) => (at <= head ? at : at >= old.length - tail ? at + shown.length - old.length : head);
    area.value = shown;
    if (document.activeElement === area) area.setSelectionRange(moved(from), moved(to));
  }
  showSaveState();
  schedulePreview(0);
}

/** Sends `edits` to be made to the text, again on the newer text if the source was typed in
 * while they were on their way, so that neither the form's edit nor the typing is lost (the
 * server answers one request at a time: an edit can wait behind a preview). */
async function applyEdits(edits) {
  for (;;) {
    const base = state.source;
    const r = await api("/api/apply", { source: base, edits });
    if (!r.ok || state.source === base) return r;
  }
}

function dirty() {
  const typing = [...state.timers.keys()].some((k) => k !== "preview");
  return state.source !== state.saved || typing || state.edits > 0;
}

function showSaveState(message) {
  const el = $("save-state");
  el.classList.toggle("unsaved", dirty());
  el.textContent = message ?? (dirty() ? "Unsaved changes" : "Saved");
}

async function load() {
  const r = await api("/api/state");
  if (!r.ok) {
    const lost = r.status === 401
      ? "This tab does not hold the editor's session (a new tab, or one the browser restored): open the address briefing edit printed, or start briefing edit again."
      : null;
    showAlert(lost ?? r.data.error ?? `The editor could not read the file (${r.status}).`, "bad");
    return;
  }
  japaneseFace(r.data.source);
  state.file = r.data.file;
  state.hash = r.data.hash;
  state.saved = r.data.source;
  state.outside = null;
  document.title = `${r.data.file} · briefing edit`;
  $("file-name").textContent = r.data.file;
  $("file-name").title = r.data.path;
  $("source").value = r.data.source;
  state.shape = "";
  applySnapshot(r.data.snapshot);
  setSource(r.data.source);
  clearAlerts();
}

// ---------------------------------------------------------------- the form

function kindOf(field) {
  const k = field.kind;
  if (typeof k === "string") return { name: k.toLowerCase(), options: [] };
  const name = k.kind ?? k.type ?? Object.keys(k)[0];
  const inner = k[name] ?? k;
  return { name: String(name).toLowerCase(), options: inner.options ?? k.options ?? [] };
}

function idFor(path, lang) {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}${lang ? `-${lang}` : ""}`;
}

function allFields(form) {
  if (!form) return [];
  return [...form.fields, ...form.topics.flatMap((t) => t.fields), ...form.contact];
}

/** YAML's true in any of its spellings: `draft: True` builds a draft (text40b F40b-18,
 * text41a F41a-9: the box unchecked itself at the next edit). */
function isTrue(text) {
  return ["true", "True", "TRUE"].includes(text);
}

function shapeOf(snapshot) {
  const form = snapshot.form;
  if (!form) return "none";
  return JSON.stringify([
    snapshot.languages,
    // (A one-line field whose value gains a line break is drawn as a text area: text41a
    // F41a-10, the input joined the lines at the next keystroke.)
    allFields(form).map((f) => [f.path, kindOf(f).name, f.values.map((v) => [v.lang, v.text.includes("\n")])]),
  ]);
}

function applySnapshot(snapshot) {
  state.snapshot = snapshot;
  const shape = shapeOf(snapshot);
  if (shape !== state.shape) {
    state.shape = shape;
    drawForm(snapshot);
  } else {
    refreshValues(snapshot);
  }
  drawProblems(snapshot.problems ?? []);
}

/** Puts the values of the snapshot into the controls, except the one being typed in. */
function refreshValues(snapshot) {
  for (const field of allFields(snapshot.form)) {
    for (const v of field.values) {
      const el = $(idFor(field.path, v.lang));
      if (!el || el === document.activeElement) continue;
      if (el.type === "checkbox") el.checked = isTrue(v.text);
      else if (el.value !== v.text) el.value = v.text;
    }
  }
}

function drawForm(snapshot) {
  const form = $("form");
  const focused = document.activeElement?.id;
  form.replaceChildren();
  if (!snapshot.form) {
    const p = document.createElement("p");
    p.className = "form-note";
    p.textContent = (snapshot.problems ?? []).length
      ? "The YAML cannot be read as a briefing just now, so the form is empty. Mend it in the Source tab: the problems above say where."
      : "The form cannot show this file; edit it in the Source tab.";
    form.append(p);
    return;
  }
  const f = snapshot.form;
  // The language a briefing in one language is written in, for its fields' `lang` (text40b
  // F40b-11: a Japanese briefing's fields were read with English rules): as the server found
  // it, typed or, without `lang:`, from the text as `build` finds it (text48b F48b-7: a
  // Japanese briefing without `lang:` was read as English); a topic of its own language, a
  // field of its own, or one of several, says its own.
  const given = f.fields.find((x) => x.path === "lang")?.values[0]?.text?.trim();
  const typed = /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(given ?? "") ? given : null;
  state.docLang = snapshot.languages.length === 0 ? (snapshot.lang ?? typed) : null;
  const general = group("Briefing");
  for (const field of f.fields) general.append(control(field, snapshot.languages, state.docLang));
  form.append(general);

  const topics = group("Topics");
  f.topics.forEach((topic, i) => topics.append(topicBox(topic, i, f.topics.length, snapshot.languages)));
  const add = button("Add topic", "add-topic");
  add.id = "add-topic";
  add.addEventListener("click", () => structural({ op: "add_topic", at: f.topics.length }, () => {
    const last = state.snapshot.form?.topics.at(-1)?.fields[0];
    return last ? idFor(last.path, last.values[0]?.lang) : "add-topic";
  }));
  topics.append(add);
  form.append(topics);

  if (f.contact.length) {
    const contact = group("Contact");
    for (const field of f.contact) contact.append(control(field, snapshot.languages, state.docLang));
    form.append(contact);
  }
  if (focused && $(focused)) $(focused).focus();
  // (A language's own name, 日本語, is Japanese text of the page's own.)
  japaneseFace(form.textContent);
}

function group(title) {
  const fs = document.createElement("fieldset");
  fs.className = "group";
  const legend = document.createElement("legend");
  legend.textContent = title;
  fs.append(legend);
  return fs;
}

function button(text, className) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (className) b.className = className;
  return b;
}

function topicBox(topic, i, count, languages) {
  const fs = document.createElement("fieldset");
  fs.className = "topic";
  fs.id = `topic-${i}`;
  const legend = document.createElement("legend");
  legend.textContent = `Topic ${i + 1}`;
  fs.append(legend);
  const own = languages.length === 0 ? (topic.lang ?? state.docLang) : null;
  for (const field of topic.fields) fs.append(control(field, languages, own));
  const tools = document.createElement("div");
  tools.className = "topic-tools";
  const up = button("Move up", "small");
  up.id = `up-${i}`;
  up.setAttribute("aria-label", `Move up: topic ${i + 1}`);
  up.disabled = i === 0;
  up.addEventListener("click", () => structural({ op: "move_topic", from: i, to: i - 1 }, () => (i - 1 === 0 ? `down-0` : `up-${i - 1}`)));
  const down = button("Move down", "small");
  down.id = `down-${i}`;
  down.setAttribute("aria-label", `Move down: topic ${i + 1}`);
  down.disabled = i === count - 1;
  down.addEventListener("click", () => structural({ op: "move_topic", from: i, to: i + 1 }, () => (i + 1 === count - 1 ? `up-${i + 1}` : `down-${i + 1}`)));
  const remove = button("Remove", "small danger");
  remove.id = `remove-${i}`;
  remove.setAttribute("aria-label", `Remove: topic ${i + 1}`);
  remove.disabled = count === 1;
  remove.addEventListener("click", () => structural({ op: "remove_topic", index: i }, () => (count - 1 > i ? `remove-${i}` : "add-topic")));
  tools.append(up, down, remove);
  fs.append(tools);
  return fs;
}

/** One field: a label and a control, or, translated, the label over a control per language. */
function control(field, languages, textLang) {
  const kind = kindOf(field);
  const translated = field.values.length > 1 || (field.values[0]?.lang && languages.length > 1);
  const wrap = document.createElement(translated ? "fieldset" : "div");
  wrap.className = "field";
  wrap.dataset.path = field.path;
  if (translated) {
    const legend = document.createElement("legend");
    legend.textContent = field.label;
    legend.id = `${idFor(field.path)}-label`;
    wrap.append(legend);
    const langs = document.createElement("div");
    langs.className = "langs";
    for (const v of field.values) {
      const cell = document.createElement("div");
      const id = idFor(field.path, v.lang);
      const label = document.createElement("label");
      label.htmlFor = id;
      label.id = `${id}-label`;
      label.textContent = LANGUAGE_NAMES[v.lang] ?? v.lang;
      if (LANGUAGE_NAMES[v.lang]) label.lang = v.lang;
      const input = input_(field, kind, v, id);
      input.setAttribute("aria-labelledby", `${idFor(field.path)}-label ${id}-label`);
      if (v.lang) input.lang = v.lang;
      cell.append(label, input);
      langs.append(cell);
    }
    wrap.append(langs);
  } else {
    const v = field.values[0] ?? { lang: null, text: "" };
    const id = idFor(field.path, v.lang);
    const input = input_(field, kind, v, id);
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = field.label;
    if (kind.name === "bool") {
      wrap.classList.add("check");
      wrap.append(input, label);
    } else {
      wrap.append(label, input);
    }
    if (v.lang) input.lang = v.lang;
    else if (textLang && kind.name !== "date" && kind.name !== "bool") input.lang = textLang;
  }
  if (kind.name === "date") {
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.id = `${idFor(field.path)}-hint`;
    hint.textContent = "Year-month-day, for example 2026-06-18";
    wrap.append(hint);
    wrap.querySelectorAll("input").forEach((i) => i.setAttribute("aria-describedby", hint.id));
  }
  return wrap;
}

function input_(field, kind, value, id) {
  let el;
  // A one-line field whose value has a line break (`note: |` over two lines, which builds
  // as two) is edited as text too: an input would drop the break, and a save write the lines
  // joined.
  if (kind.name === "text" || (kind.name === "line" && value.text.includes("\n"))) {
    el = document.createElement("textarea");
    el.rows = Math.min(14, Math.max(3, value.text.split("\n").length + 1));
  } else if (kind.name === "bool") {
    el = document.createElement("input");
    el.type = "checkbox";
    el.checked = isTrue(value.text);
  } else if (kind.name === "choice") {
    el = document.createElement("select");
    const options = [...new Set(["", ...kind.options, value.text])];
    for (const o of options) {
      const opt = document.createElement("option");
      opt.value = o;
      opt.textContent = o === "" ? "(not set)" : LANGUAGE_NAMES[o] ? `${o} (${LANGUAGE_NAMES[o]})` : o;
      el.append(opt);
    }
  } else {
    el = document.createElement("input");
    el.type = "text";
    if (kind.name === "date") {
      el.inputMode = "numeric";
      el.placeholder = "YYYY-MM-DD";
      el.autocomplete = "off";
    }
  }
  el.id = id;
  el.name = id;
  if (el.type !== "checkbox") el.value = value.text;
  el.dataset.path = field.path;
  if (value.lang) el.dataset.lang = value.lang;
  const send = () => {
    const text = el.type === "checkbox" ? String(el.checked) : el.value;
    setField(field.path, value.lang ?? null, text);
  };
  if (el.tagName === "SELECT" || el.type === "checkbox") el.addEventListener("change", send);
  else el.addEventListener("input", () => {
    showSaveState("Unsaved changes");
    debounce(`set ${id}`, 150, send);
  });
  return el;
}

/** One value typed in the form: the server writes it where the old one stood. */
function setField(path, lang, value) {
  state.edits++;
  return enqueue(async () => {
    const r = await applyEdits([{ op: "set", path, lang, value }]).finally(() => state.edits--);
    if (!r.ok) {
      showAlert(r.data.error ?? `The change could not be made (${r.status}).`, "bad");
      return;
    }
    applySnapshot(r.data.snapshot);
    setSource(r.data.source);
  });
}

/** Adds, removes or moves a topic, then puts the focus where `then()` says. */
function structural(edit, then) {
  flushTimers();
  return enqueue(async () => {
    const r = await applyEdits([edit]);
    if (!r.ok) {
      showAlert(r.data.error ?? `The change could not be made (${r.status}).`, "bad");
      return;
    }
    state.shape = "";
    applySnapshot(r.data.snapshot);
    setSource(r.data.source);
    const target = $(then());
    if (target && !target.disabled) target.focus();
    else $("add-topic")?.focus();
  });
}

// ---------------------------------------------------------------- problems

/** The field a problem's path names: the longest field path it starts with. */
function fieldFor(path) {
  const bare = path.split(" ")[0];
  let best = null;
  for (const f of allFields(state.snapshot?.form)) {
    const p = f.path;
    const next = bare.charAt(p.length);
    if (bare.startsWith(p) && (next === "" || next === "." || next === "[") && (!best || p.length > best.path.length)) best = f;
  }
  return best;
}

function drawProblems(problems) {
  const list = $("problem-list");
  list.replaceChildren();
  document.querySelectorAll(".field-problem").forEach((p) => p.remove());
  document.querySelectorAll("[aria-invalid]").forEach((el) => {
    el.removeAttribute("aria-invalid");
    const hint = `${idFor(el.dataset.path ?? "")}-hint`;
    if ($(hint)) el.setAttribute("aria-describedby", hint);
    else el.removeAttribute("aria-describedby");
  });
  $("problems").classList.toggle("has", problems.length > 0);
  $("problem-count").textContent = String(problems.length);
  $("problems-none").hidden = problems.length > 0;
  problems.forEach((p, n) => {
    const field = fieldFor(p.path ?? "");
    const li = document.createElement("li");
    if (field) {
      const go = button(field.label, "link");
      go.setAttribute("aria-label", `${field.label}: go to the field`);
      go.addEventListener("click", () => focusField(field));
      li.append(go, ": ");
    } else if (p.path) {
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = `${p.path}: `;
      li.append(where);
    }
    li.append(p.message + (p.help ? ` (${p.help})` : ""));
    if (p.line) {
      li.append(" ");
      const line = button(`line ${p.line}`, "link");
      line.setAttribute("aria-label", `line ${p.line}: show in the source`);
      line.addEventListener("click", () => showLine(p.line, p.column));
      li.append(line);
    }
    list.append(li);
    if (field) {
      const box = document.querySelector(`.field[data-path="${CSS.escape(field.path)}"]`);
      if (box) {
        const note = document.createElement("p");
        note.className = "field-problem";
        note.id = `problem-${n}`;
        note.textContent = `${p.message}${p.line ? ` (line ${p.line})` : ""}`;
        box.append(note);
        box.querySelectorAll("input, textarea, select").forEach((el) => {
          el.setAttribute("aria-invalid", "true");
          const before = el.getAttribute("aria-describedby");
          el.setAttribute("aria-describedby", before ? `${before} ${note.id}` : note.id);
        });
      }
    }
  });
}

function focusField(field) {
  selectTab("form");
  const el = $(idFor(field.path, field.values[0]?.lang));
  if (el) {
    el.scrollIntoView({ block: "center" });
    el.focus();
  }
}

function showLine(line, column) {
  selectTab("source");
  const area = $("source");
  const lines = area.value.split("\n");
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  area.focus();
  area.setSelectionRange(start + Math.max(0, (column ?? 1) - 1), end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 5) * lineHeight);
}

// ---------------------------------------------------------------- tabs and the source

function selectTab(which) {
  for (const name of ["form", "source"]) {
    const on = name === which;
    const tab = $(`tab-${name}`);
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${name}`).hidden = !on;
  }
}

function setUpTabs() {
  const tabs = [$("tab-form"), $("tab-source")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(i === 0 ? "form" : "source"));
    tab.addEventListener("keydown", (e) => {
      let j = null;
      if (e.key === "ArrowRight") j = (i + 1) % tabs.length;
      else if (e.key === "ArrowLeft") j = (i + tabs.length - 1) % tabs.length;
      else if (e.key === "Home") j = 0;
      else if (e.key === "End") j = tabs.length - 1;
      if (j === null) return;
      e.preventDefault();
      selectTab(j === 0 ? "form" : "source");
      tabs[j].focus();
    });
  });
  // A text area gives its text with "\n" line ends: a file with "\r\n" ones keeps them, or a
  // one-word edit would rewrite every line (text40b F40b-5).
  const typed = () => {
    const text = $("source").value;
    return state.saved.includes("\r\n") ? text.replace(/\r?\n/g, "\r\n") : text;
  };
  $("source").addEventListener("input", () => {
    state.source = typed();
    showSaveState();
    debounce("source", 250, () => {
      const text = typed();
      japaneseFace(text);
      schedulePreview(0);
      enqueue(async () => {
        const r = await api("/api/snapshot", { source: text });
        if (r.ok && text === state.source) applySnapshot(r.data.snapshot);
      });
    });
  });
}

// ---------------------------------------------------------------- the preview

let previewBusy = false;
let previewAgain = false;

function schedulePreview(ms) {
  debounce("preview", ms, runPreview);
}

async function runPreview() {
  if (previewBusy) {
    previewAgain = true;
    return;
  }
  previewBusy = true;
  const text = state.source;
  try {
    const r = await api("/api/preview", { source: text, lang: state.previewLang });
    const stateEl = $("preview-state");
    if (r.ok) {
      await showPages(r.data.pages);
      previewLanguages(r.data.languages, r.data.lang);
      $("pages").classList.remove("stale");
      stateEl.classList.remove("stale");
      stateEl.textContent = `${r.data.pages.length} ${r.data.pages.length === 1 ? "page" : "pages"}`;
    } else {
      $("pages").classList.toggle("stale", $("pages").children.length > 0);
      stateEl.classList.add("stale");
      // Problems in the text are listed under Problems; anything else (a briefing too long
      // to draw) is said here.
      const why = (state.snapshot?.problems ?? []).length ? "see Problems" : (r.data.error ?? `error ${r.status}`);
      stateEl.textContent = $("pages").children.length
        ? `Showing the last good version: ${why}`
        : `No preview: ${why}`;
    }
  } finally {
    previewBusy = false;
    if (previewAgain || text !== state.source) {
      previewAgain = false;
      schedulePreview(0);
    }
  }
}

/** Swaps in the new pages once they have loaded, so that the preview never flickers. Each is
 * fetched with the session (an image's own request cannot carry it) and shown from memory. */
async function showPages(urls) {
  const blobs = await Promise.all(urls.map(async (url) => {
    const response = await send(url);
    return response.ok ? URL.createObjectURL(await response.blob()) : "";
  }));
  const images = blobs.map((url, i) => {
    const img = new Image();
    img.alt = `Page ${i + 1}`;
    img.src = url;
    return img;
  });
  await Promise.all(images.map((img) => img.decode().catch(() => {})));
  const old = [...$("pages").querySelectorAll("img")].map((img) => img.src);
  $("pages").replaceChildren(...images);
  old.forEach((url) => URL.revokeObjectURL(url));
}

// The template's Japanese face comes first, for Japanese characters only: Chromium otherwise
// sets a field that mixes Latin and Japanese in the system face, tofu and all, when the system
// has no Japanese font. It is fetched with the session (a style sheet's request cannot carry
// it), once the text has a Japanese character.
let japaneseLoading = null;
function japaneseFace(text) {
  if (japaneseLoading || !/[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text)) return;
  japaneseLoading = (async () => {
    const response = await send("/font/ja.ttf");
    if (!response.ok) return;
    const face = new FontFace("Briefing JA", await response.arrayBuffer(), {
      unicodeRange: "U+3000-303F, U+3040-30FF, U+31F0-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FF00-FFEF",
      display: "swap",
    });
    document.fonts.add(await face.load());
  })().catch(() => {});
}

function previewLanguages(languages, current) {
  const box = $("preview-lang-box");
  box.hidden = !languages || languages.length < 2;
  if (box.hidden) return;
  const select = $("preview-lang");
  const have = [...select.options].map((o) => o.value).join();
  if (have !== languages.join()) {
    select.replaceChildren(...languages.map((l) => {
      const o = document.createElement("option");
      o.value = l;
      o.textContent = LANGUAGE_NAMES[l.split("-")[0]] ? `${LANGUAGE_NAMES[l.split("-")[0]]} (${l})` : l;
      return o;
    }));
  }
  select.value = current;
  japaneseFace(select.textContent);
}

// ---------------------------------------------------------------- saving, and changes on disk

async function save() {
  flushTimers();
  const button = $("save");
  button.disabled = true;
  state.saving = true;
  showSaveState("Saving…");
  try {
    await enqueue(async () => {
      const r = await api("/api/save", { source: state.source, hash: state.hash });
      if (r.ok) {
        state.hash = r.data.hash;
        state.saved = state.source;
        state.outside = null;
        clearAlerts();
        const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        showSaveState(dirty() ? undefined : `Saved at ${time}`);
      } else if (r.status === 409) {
        showSaveState();
        changedOnDisk(r.data.hash, r.data.error);
      } else {
        showSaveState();
        showAlert(r.data.error ?? `Not saved (${r.status}).`, "bad");
      }
    });
  } finally {
    button.disabled = false;
    state.saving = false;
  }
}

async function poll() {
  try {
    if (state.saving) return;
    const asked = state.hash;
    const r = await api("/api/status");
    // A save or a reload while the question was out makes the answer old news.
    if (r.ok && !state.saving && state.hash === asked && r.data.hash !== state.hash && r.data.hash !== state.outside) changedOnDisk(r.data.hash);
  } catch {
    // The server stopped (Ctrl-C): say so once.
    if (!$("stopped")) {
      const a = showAlert("The editor's server is not running any more (it was stopped). Your unsaved edits are only on this page.", "bad");
      a.id = "stopped";
    }
  }
}

function changedOnDisk(hash, why) {
  state.outside = hash ?? "gone";
  const name = state.file;
  const message = hash
    ? `${name} was changed on disk by another program.${why ? " Your save was refused so as not to overwrite it." : ""} Reload it to see the new version${dirty() ? "; your unsaved edits here would be lost" : ""}.`
    : `${name} is no longer on disk where it was opened (removed or renamed). Saving is refused until it is back.`;
  const alert = showAlert(message, "", "outside");
  if (hash) {
    const reload = button(dirty() ? "Reload and lose my edits" : "Reload");
    reload.addEventListener("click", () => load().then(() => $("save").focus()));
    alert.append(reload);
  }
  const dismiss = button("Dismiss");
  dismiss.addEventListener("click", () => {
    alert.remove();
    $("save").focus();
  });
  alert.append(dismiss);
}

function showAlert(message, tone, key) {
  if (key) document.querySelectorAll(`.alert[data-key="${key}"]`).forEach((a) => a.remove());
  const box = document.createElement("div");
  box.className = `alert ${tone ?? ""}`;
  box.setAttribute("role", "alert");
  if (key) box.dataset.key = key;
  const p = document.createElement("p");
  p.textContent = message;
  box.append(p);
  $("alerts").append(box);
  return box;
}

function clearAlerts() {
  $("alerts").replaceChildren();
}

// ---------------------------------------------------------------- start

document.addEventListener("DOMContentLoaded", () => {
  setUpTabs();
  // Enter in a field must not send the form anywhere.
  $("form").addEventListener("submit", (e) => e.preventDefault());
  $("save").addEventListener("click", save);
  $("preview-lang").addEventListener("change", (e) => {
    state.previewLang = e.target.value;
    schedulePreview(0);
  });
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save();
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  load();
  setInterval(poll, 1000);
});
