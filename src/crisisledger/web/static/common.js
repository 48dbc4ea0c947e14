// Shared helpers of the dashboard pages. Data from the ledger is only ever put in the page with
// textContent or as attribute values set through the DOM: never as HTML.

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#1f77b4",
  "Riots": "#e377c2",
  "Strategic developments": "#7f7f7f",
  "Disasters": "#8c564b",
  "Crime": "#2ca02c",
};
export const OTHER_COLOUR = "#17becf";
export const colourOf = (type) => TYPE_COLOURS[type] || OTHER_COLOUR;

/** Build an element: el("a", {href: "/x", class: "c"}, "text", child, ...). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
/** An SVG element with attributes (numbers and strings only). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  return append(node, children);
}

/** GET or POST JSON; throws an Error with the server's detail on a non-2xx answer. */
export async function api(path, { method = "GET", body, token } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const resp = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await resp.json().catch(() => null);
  if (!resp.ok) {
    const detail = data && data.detail !== undefined ? data.detail : resp.statusText;
    const err = new Error(`${resp.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    err.status = resp.status;
    err.data = data;
    throw err;
  }
  return data;
}

export const fmtInt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-GB"));

/** "164", "7,000–8,000" or "more than 2,200" style text of a figure with its bounds. */
export function bounds(value, min, max) {
  const lo = min ?? value, hi = max ?? value;
  return lo === hi ? fmtInt(lo) : `${fmtInt(lo)}–${fmtInt(hi)}`;
}

export const parseDay = (s) => new Date(`${s}T00:00:00Z`);
export const isoDay = (d) => d.toISOString().slice(0, 10);
export const DAY_MS = 86400000;

/** Only http(s) links are made clickable. */
export const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);

export function nav(active) {
  const link = (href, label) => el("a", { href, class: active === href ? "active" : null }, label);
  return el("nav", {}, el("strong", {}, "crisisledger"), link("/", "Dashboard"), link("/submit", "Submit a report"),
    el("a", { href: "/api/v1/docs" }, "API"));
}

export function showError(where, err) {
  where.replaceChildren(el("p", { class: "error", role: "alert" }, String(err.message || err)));
}
