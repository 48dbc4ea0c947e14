// The dashboard: filters (kept in the URL), a Leaflet map with an offline world base map,
// incidents sized by their death toll and coloured by type, blackouts shaded over
// their countries, and a timeline whose brush filters the map by date.
import { api, append, colourOf, el, fmtInt, nav, showError, TYPE_COLOURS, OTHER_COLOUR, parseDay, DAY_MS } from "./common.js";
import { drawTimeline } from "./timeline.js";

const L = window.L, topojson = window.topojson;
const FIELDS = ["country", "since", "until", "type", "q"];
const FETCH_FIELDS = ["country", "type", "q"]; // dates filter in the page (the brush), not on the server
const form = document.getElementById("filters");
const status = document.getElementById("status");

let map, countryLayer, markerLayer;
let rows = [], columns = {}, days = [], blackouts = [], fetched = null, markers = new Map();

function params() {
  const out = {};
  for (const f of FIELDS) { const v = form.elements[f].value.trim(); if (v) out[f] = v; }
  return out;
}

function setForm(p) { for (const f of FIELDS) form.elements[f].value = p[f] || ""; }

function writeUrl(p, push) {
  const qs = new URLSearchParams(p).toString();
  const url = qs ? `/?${qs}` : "/";
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](p, "", url);
}

function radius(killed) { return Math.min(28, 3 + Math.sqrt(killed || 0) * 1.4); }

function popup(r) {
  const c = columns;
  return el("div", { class: "popup" },
    el("strong", {}, r[c.event_type]), " — ", r[c.sub_event_type], el("br"),
    r[c.place] || "unknown place", r[c.country_code] ? ` (${r[c.country_code]})` : "", el("br"),
    r[c.date_start] || "undated", r[c.date_end] && r[c.date_end] !== r[c.date_start] ? ` to ${r[c.date_end]}` : "", el("br"),
    `killed: ${fmtInt(r[c.killed])}`, el("br"),
    el("a", { href: `/incident/${r[c.id]}` }, "open incident"));
}

function marker(r) {
  let m = markers.get(r[columns.id]);
  if (!m) {
    const type = r[columns.event_type];
    m = L.circleMarker([r[columns.lat], r[columns.lon]], { radius: radius(r[columns.killed]), color: "#222", weight: 0.6,
      fillColor: colourOf(type), fillOpacity: 0.75 });
    m.bindPopup(() => popup(r));
    markers.set(r[columns.id], m);
  }
  return m;
}

function inPeriod(start, end, since, until) {
  const s = start || end, e = end || start;
  if (!s) return !since && !until;
  return (!since || e >= since) && (!until || s <= until);
}

function render() {
  const p = params();
  const c = columns;
  const visible = rows.filter((r) => inPeriod(r[c.date_start], r[c.date_end], p.since, p.until));
  const placed = visible.filter((r) => r[c.lat] !== null && r[c.lon] !== null)
    .sort((a, b) => (b[c.killed] || 0) - (a[c.killed] || 0));
  markerLayer.clearLayers();
  for (const r of placed) markerLayer.addLayer(marker(r));
  const killed = visible.reduce((s, r) => s + (r[c.killed] || 0), 0);
  document.getElementById("summary").replaceChildren(
    el("p", {}, el("strong", { id: "count" }, fmtInt(visible.length)), " incidents, ",
      el("strong", { id: "killed" }, fmtInt(killed)), " killed",
      visible.length > placed.length ? ` — ${visible.length - placed.length} without coordinates` : "",
      p.since || p.until ? ` — ${p.since || "…"} to ${p.until || "…"}` : ""));
  const active = blackouts.filter((b) => inPeriod(b.start, b.end, p.since, p.until));
  const shaded = new Map();
  for (const b of active) if (b.numeric) (shaded.get(b.numeric) || shaded.set(b.numeric, []).get(b.numeric)).push(b);
  countryLayer.eachLayer((layer) => {
    const hit = shaded.get(String(layer.feature.id).padStart(3, "0"));
    layer.setStyle(hit ? { fillColor: "#5e35b1", fillOpacity: 0.35, color: "#5e35b1", weight: 1.2 }
      : { fillColor: "#f4f1ea", fillOpacity: 1, color: "#b0a99a", weight: 0.5 });
  });
  const bl = document.getElementById("blackouts");
  bl.replaceChildren(active.length ? el("h2", {}, `Blackouts (${active.length})`) : "",
    active.length ? el("ul", { class: "incidents" }, active.map((b) => el("li", { class: "blackout" },
      el("span", { class: "swatch", style: "background:#5e35b1;border-radius:0" }),
      `${b.country_code} ${b.area || ""}: ${b.start || "?"} → ${b.end || "ongoing"}`,
      b.services && b.services.length ? ` (${b.services.join(", ")})` : ""))) : "");
  const top = [...visible].sort((a, b) => (b[c.killed] || 0) - (a[c.killed] || 0) || (a[c.id] - b[c.id])).slice(0, 100);
  document.getElementById("list").replaceChildren(...top.map((r) => el("li", {},
    el("span", { class: "swatch", style: `background:${colourOf(r[c.event_type])}` }),
    el("a", { href: `/incident/${r[c.id]}`, class: "incident-link", "data-id": r[c.id] },
      `${r[c.place] || "unknown place"} — ${r[c.sub_event_type]}`),
    el("div", { class: "muted" }, `${r[c.date_start] || "undated"} · killed ${fmtInt(r[c.killed])}`))));
  drawTimelineNow(p);
}

function drawTimelineNow(p) {
  const host = document.getElementById("timeline");
  const dated = days.map((d) => d[0]);
  if (!dated.length) { host.replaceChildren(el("p", { class: "brush-note" }, "No dated incidents.")); return; }
  const start = parseDay(dated[0]);
  const end = parseDay(dated[dated.length - 1]);
  drawTimeline(host, days, start, new Date(Math.max(end, start.getTime() + 6 * DAY_MS)), [p.since, p.until],
    (since, until) => {
      form.elements.since.value = since || "";
      form.elements.until.value = until || "";
      writeUrl(params(), false);
      render();
    });
  append(host, [el("div", { class: "brush-note" }, "Drag across the timeline to filter the map by date; click to clear.")]);
}

async function load(fit) {
  const p = params();
  const query = new URLSearchParams(Object.fromEntries(FETCH_FIELDS.filter((f) => p[f]).map((f) => [f, p[f]])));
  const key = query.toString();
  if (key !== fetched) {
    status.textContent = "loading…";
    const [m, tl, bo] = await Promise.all([api(`/api/v1/map?${key}`), api(`/api/v1/timeline?${key}`),
      api(`/api/v1/ledger-blackouts?${new URLSearchParams(p.country ? { country: p.country } : {})}`)]);
    columns = Object.fromEntries(m.columns.map((name, i) => [name, i]));
    rows = m.rows; days = tl.days; blackouts = bo.items; markers = new Map(); fetched = key;
    status.textContent = m.truncated ? `showing the first ${fmtInt(rows.length)} incidents` : "";
    fit = true;
  }
  render();
  const pts = rows.filter((r) => r[columns.lat] !== null).map((r) => [r[columns.lat], r[columns.lon]]);
  if (fit && pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 6 });
}

async function init() {
  document.getElementById("nav").replaceWith(nav("/"));
  const select = form.elements.type;
  for (const t of Object.keys(TYPE_COLOURS)) select.append(el("option", { value: t }, t));
  document.getElementById("legend").replaceChildren(
    ...Object.entries(TYPE_COLOURS).map(([t, c]) => el("span", {}, el("span", { class: "swatch", style: `background:${c}` }), t)),
    el("span", {}, el("span", { class: "swatch", style: `background:${OTHER_COLOUR}` }), "other"),
    el("span", {}, el("span", { class: "swatch", style: "background:#5e35b1;border-radius:0;opacity:.5" }), "blackout"));
  setForm(Object.fromEntries(new URLSearchParams(location.search)));
  map = L.map("map", { preferCanvas: true, worldCopyJump: false, minZoom: 1, maxZoom: 10, attributionControl: true })
    .setView([25, 20], 2);
  map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth (world-atlas)");
  const world = await fetch("/static/vendor/countries-50m.json").then((r) => r.json());
  const renderer = L.canvas({ padding: 0.2 });
  countryLayer = L.geoJSON(topojson.feature(world, world.objects.countries), { renderer, interactive: false }).addTo(map);
  markerLayer = L.layerGroup().addTo(map);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); writeUrl(params(), true); load(false).catch(fail); });
  document.getElementById("clear").addEventListener("click", () => { setForm({}); writeUrl({}, true); load(false).catch(fail); });
  window.addEventListener("popstate", () => { setForm(Object.fromEntries(new URLSearchParams(location.search))); load(false).catch(fail); });
  await load(true);
  window.__firstLoadMs = performance.now(); // since navigation start
  document.body.dataset.ready = "1";
}

function fail(err) { showError(status, err); document.body.dataset.ready = "error"; }
init().catch(fail);
