// One incident: its tolls (conservative, range, latest official), the figure timeline as charts,
// every reported figure with bounds, authority, outlet and date, events, articles, claims,
// blackouts and the merge explanation. Article text is set with textContent only.
import { api, bounds, el, fmtInt, nav, parseDay, safeUrl, showError, svg, DAY_MS } from "./common.js";

const KINDS = ["killed", "injured", "arrested"];
const main = document.getElementById("content");

function table(headers, rows, attrs = {}) {
  return el("table", attrs, el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) =>
      c instanceof Node ? el("td", {}, c)
        : typeof c === "number" ? el("td", { class: "num" }, fmtInt(c)) : el("td", {}, c ?? "–"))))));
}

/** A small chart of one kind's reported totals over time: points with their bounds as vertical bars. */
function chart(kind, points) {
  const dated = points.filter((p) => p.date);
  const W = 320, H = 170, L = 52, B = 24, T = 10, R = 10;
  const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: `chart chart-${kind}`, role: "img",
    "aria-label": `${kind} over time` });
  if (!dated.length) { root.append(svg("text", { x: 10, y: 40, "font-size": 12 }, "no dated figures")); return root; }
  const t = dated.map((p) => parseDay(p.date).getTime());
  let t0 = Math.min(...t), t1 = Math.max(...t);
  if (t1 - t0 < DAY_MS) { t0 -= DAY_MS; t1 += DAY_MS; }
  const hi = Math.max(...dated.map((p) => p.max ?? p.value), 1);
  const x = (ms) => L + ((ms - t0) / (t1 - t0)) * (W - L - R);
  const y = (v) => H - B - (v / hi) * (H - B - T);
  root.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#999" }),
    svg("line", { x1: L, x2: L, y1: T, y2: H - B, stroke: "#999" }),
    svg("text", { x: L - 4, y: T + 8, "font-size": 10, "text-anchor": "end" }, fmtInt(hi)),
    svg("text", { x: L - 4, y: H - B, "font-size": 10, "text-anchor": "end" }, "0"),
    svg("text", { x: L, y: H - 6, "font-size": 10 }, new Date(t0).toISOString().slice(0, 10)),
    svg("text", { x: W - R, y: H - 6, "font-size": 10, "text-anchor": "end" }, new Date(t1).toISOString().slice(0, 10)));
  const path = dated.map((p, i) => `${i ? "L" : "M"}${x(parseDay(p.date).getTime()).toFixed(1)},${y(p.value).toFixed(1)}`);
  root.append(svg("path", { d: path.join(" "), fill: "none", stroke: "#90a4ae", "stroke-dasharray": "3 2" }));
  for (const p of dated) {
    const cx = x(parseDay(p.date).getTime());
    const lo = p.min ?? p.value, up = p.max ?? p.value;
    if (lo !== up) root.append(svg("line", { x1: cx, x2: cx, y1: y(lo), y2: y(up), stroke: "#c62828", "stroke-width": 2 }));
    root.append(svg("circle", { cx, cy: y(p.value), r: 4, fill: p.authority ? "#c62828" : "#fff", stroke: "#c62828" },
      svg("title", {}, `${p.date}: ${bounds(p.value, p.min, p.max)} — ${p.authority || "no authority named"}, ${p.outlet || "unknown outlet"}`)));
  }
  return root;
}

function tolls(inc) {
  const kinds = [...new Set([...KINDS, ...Object.keys(inc.conservative || {})])];
  return table(["", "conservative", "range", "latest official"], kinds.map((k) => {
    const r = (inc.ranges || {})[k], lo = (inc.latest_official || {})[k];
    return [k, inc.conservative?.[k] ?? null, r ? bounds(null, r[0], r[1]) : null,
      lo ? `${fmtInt(lo.value)} — ${lo.authority || "?"}, ${lo.date || "undated"}` : null];
  }), { id: "tolls" });
}

function render(inc) {
  const outlet = Object.fromEntries(inc.articles.map((a) => [a.id, a]));
  const loc = inc.location || {};
  const parts = [];
  parts.push(el("h1", { id: "title" }, `${inc.event_type} — ${inc.sub_event_type}`),
    el("p", {}, `${loc.name || "unknown place"}${loc.country && loc.country !== loc.name ? `, ${loc.country}` : ""} · `,
      `${inc.date_start || "undated"}${inc.date_end && inc.date_end !== inc.date_start ? ` to ${inc.date_end}` : ""} · `,
      `incident ${inc.id} · ${inc.article_ids.length} article(s)`),
    el("h2", {}, "Tolls"), tolls(inc));

  parts.push(el("h2", {}, "Reported totals over time"), el("div", { class: "charts" },
    KINDS.map((k) => el("figure", {}, el("figcaption", {}, k), chart(k, (inc.timeline || {})[k] || [])))));

  const figs = inc.figures.map((f) => {
    const a = outlet[f.article_id] || {};
    return [f.kind, f.value, bounds(f.value, f.min, f.max), f.qualifier, f.attributed_to || null,
      a.source || f.reported_by || null, f.date || a.published || null, f.group || f.location || null,
      el("span", { class: "quote" }, f.text), f.article_id];
  });
  parts.push(el("h2", {}, `Every reported figure (${figs.length})`),
    table(["kind", "value", "bounds", "qualifier", "authority", "outlet", "date", "group/place", "text", "article"], figs,
      { id: "figures" }));
  for (const [title, obj] of [["Parts (counts of a group or a narrower place)", inc.parts], ["Conflicts", inc.conflicts]]) {
    const rows = Object.entries(obj || {}).flatMap(([k, list]) => list.map((p) => [k,
      Object.entries(p).filter(([, v]) => v !== null && v !== undefined).map(([n, v]) => `${n}: ${v}`).join("; ")]));
    if (rows.length) parts.push(el("h2", {}, title), table(["kind", "details"], rows));
  }

  parts.push(el("h2", {}, `Events (${inc.events.length})`), table(
    ["event", "type", "date", "place", "killed", "injured", "arrested", "article", "outlet", "published"],
    inc.events.map((e) => [e.id, `${e.event_type} / ${e.sub_event_type}`, e.date, e.place, e.fatalities, e.injured,
      e.arrested, e.article_id, e.source, e.published]), { id: "events" }));

  parts.push(el("h2", {}, `Claims (${inc.claims.length})`), inc.claims.length ? table(
    ["speaker", "statement", "quote", "reported by", "article"],
    inc.claims.map((c) => [c.speaker, c.statement, c.quote, c.reported_by, c.article_id]), { id: "claims" })
    : el("p", { class: "muted" }, "No claims."));

  parts.push(el("h2", {}, `Blackouts (${inc.blackouts.length})`), inc.blackouts.length ? table(
    ["country", "area", "status", "from", "to", "services", "reported by", "ordered by", "article"],
    inc.blackouts.map((b) => [b.country_code, b.area, b.status, b.start, b.end, (b.services || []).join(", "),
      b.reported_by, b.ordered_by, b.article_id]), { id: "blackouts" })
    : el("p", { class: "muted" }, "No blackout covered this incident."));

  parts.push(el("h2", {}, "Why these reports are one incident"),
    el("ul", { id: "merge" }, inc.merge_explanation.map((r) => el("li", {}, r))));

  parts.push(el("h2", {}, `Articles (${inc.articles.length})`), el("div", { id: "articles" }, inc.articles.map((a) => {
    const url = safeUrl(a.url);
    return el("article", { class: "article", "data-id": a.id },
      el("h3", {}, a.title || a.id),
      el("p", { class: "muted" }, `${a.source || "unknown outlet"} · ${a.published || "undated"} · id ${a.id}`,
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow" }, "source")] : ""),
      el("div", { class: "article-text" }, a.text));
  })));
  main.replaceChildren(...parts);
  document.title = `crisisledger — ${inc.sub_event_type}, ${loc.name || "incident " + inc.id}`;
}

async function init() {
  document.getElementById("nav").replaceWith(nav(""));
  const id = location.pathname.split("/").filter(Boolean).pop();
  try {
    render(await api(`/api/v1/incidents/${encodeURIComponent(id)}`));
  } catch (err) {
    showError(main, err);
  }
  document.body.dataset.ready = "1";
}
init();
