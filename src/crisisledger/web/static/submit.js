// Submit a report: preview its extraction (POST /api/v1/extract, nothing stored) with the figures,
// places, actors, claims and blackouts highlighted in the text, then add it (POST /api/v1/articles).
import { api, bounds, el, fmtInt, nav, showError } from "./common.js";

const form = document.getElementById("submit-form");
const result = document.getElementById("result");
const status = document.getElementById("status");
const confirmBtn = document.getElementById("confirm");
let previewed = null;

function body() {
  const f = form.elements;
  const out = { text: f.text.value };
  for (const k of ["title", "published", "source"]) if (f[k].value.trim()) out[k] = f[k].value.trim();
  return out;
}

/** The text as text nodes and <mark> elements; overlapping spans are split at every boundary. */
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const rank = { figure: 0, blackout: 1, place: 2, actor: 3, claim: 4 };
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => rank[x.kind] - rank[y.kind]);
    out.push(over.length ? el("mark", { class: over[0].kind, title: over.map((s) => s.label).join("; ") }, piece)
      : document.createTextNode(piece));
  }
  return out;
}

function showRecord(text, data) {
  const r = data.record;
  const main = r.main_event;
  const parts = [el("h2", {}, "What the extractor found"),
    el("div", { class: "legend" }, ["figure", "place", "actor", "claim", "blackout"].map((k) =>
      el("span", {}, el("mark", { class: k }, k)))),
    el("div", { id: "highlighted" }, highlighted(text, data.highlights))];
  parts.push(el("h2", {}, "Main event"), main ? el("p", { id: "main-event" },
    `${main.event_type} / ${main.sub_event_type} · ${main.date || "undated"} · `,
    `${main.location ? main.location.name + (main.location.country_code ? ` (${main.location.country_code})` : "") : "no place"} · `,
    `killed ${fmtInt(main.fatalities)}, injured ${fmtInt(main.injured)}, arrested ${fmtInt(main.arrested)}`)
    : el("p", { id: "main-event", class: "muted" }, "No event found."));
  parts.push(el("h2", {}, `Figures (${r.figures.length})`), el("table", { id: "preview-figures" },
    el("tr", {}, ["kind", "bounds", "qualifier", "authority", "text"].map((h) => el("th", {}, h))),
    r.figures.map((f) => el("tr", {}, el("td", {}, f.kind), el("td", { class: "num" }, bounds(f.value, f.min, f.max)),
      el("td", {}, f.qualifier), el("td", {}, f.attributed_to || "–"), el("td", {}, f.text)))));
  if (r.claims.length) parts.push(el("h2", {}, `Claims (${r.claims.length})`),
    el("ul", {}, r.claims.map((c) => el("li", {}, el("strong", {}, c.speaker), ": ", c.statement))));
  if (r.blackouts.length) parts.push(el("h2", {}, `Blackouts (${r.blackouts.length})`),
    el("ul", {}, r.blackouts.map((b) => el("li", {}, `${b.country_code || "?"} ${b.status} ${b.start || ""}–${b.end || ""}`))));
  if (r.error) parts.push(el("p", { class: "error" }, `${r.error.code}: ${r.error.message}`));
  result.replaceChildren(...parts);
}

async function articleId(text) {
  const bytes = new TextEncoder().encode(text);
  if (crypto.subtle) {
    const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return "web-" + [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }
  return `web-${Date.now()}`;
}

async function preview(ev) {
  ev.preventDefault();
  const token = form.elements.token.value.trim();
  sessionStorage.setItem("crisisledger-token", token);
  status.textContent = "extracting…";
  confirmBtn.disabled = true;
  try {
    const b = body();
    const data = await api("/api/v1/extract", { method: "POST", body: b, token });
    previewed = b;
    showRecord(b.text, data);
    status.textContent = "";
    confirmBtn.disabled = false;
  } catch (err) {
    showError(status, err);
  }
}

async function add() {
  if (!previewed) return;
  const token = form.elements.token.value.trim();
  status.textContent = "adding…";
  confirmBtn.disabled = true;
  try {
    const item = { id: await articleId(previewed.text), ...previewed };
    const res = await api("/api/v1/articles", { method: "POST", body: item, token });
    const it = res.items[0];
    const links = (it.incident_ids || []).map((id) => el("a", { href: `/incident/${id}`, class: "new-incident" }, `incident ${id}`));
    result.prepend(el("p", { id: "added", role: "status" }, `Article ${it.id}: ${it.status.replace("_", " ")}. `,
      links.length ? ["Now part of ", links.flatMap((a, i) => (i ? [", ", a] : [a])), "."] : ""));
    status.textContent = "";
  } catch (err) {
    showError(status, err);
    confirmBtn.disabled = false;
  }
}

function init() {
  document.getElementById("nav").replaceWith(nav("/submit"));
  form.elements.token.value = sessionStorage.getItem("crisisledger-token") || "";
  form.addEventListener("submit", preview);
  confirmBtn.addEventListener("click", add);
  form.elements.text.addEventListener("input", () => { confirmBtn.disabled = true; previewed = null; });
  document.getElementById("file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (file) { form.elements.text.value = await file.text(); confirmBtn.disabled = true; previewed = null; }
  });
  document.body.dataset.ready = "1";
}
init();
