/* Rasd dashboard: the map, the timeline, the table, an event with its sources, an article with its
   evidence, and "try an article". Plain JavaScript over /api/v1; every piece of data is put in the
   page as text (textContent, never innerHTML), so an article holding markup shows it as text. */
"use strict";

const API = "/api/v1";
const FILTERS = ["since", "until", "country", "event_type", "min_fatalities", "q", "source", "actor"];
const TYPE_COLOURS = {
  "Battles": "#b91c1c", "Explosions/Remote violence": "#ea580c", "Violence against civilians": "#7c3aed",
  "Protests": "#0891b2", "Riots": "#ca8a04", "Strategic developments": "#4b5563",
};
const state = { lang: localStorage.getItem("rasd-lang") || "en", strings: {}, map: null, markers: null,
                countries: null, options: null, config: null };

// -- small helpers ------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function t(key) { return (state.strings[state.lang] || {})[key] || (state.strings.en || {})[key] || key; }

async function getJSON(path, params) {
  const query = params ? "?" + new URLSearchParams(params).toString() : "";
  const answer = await fetch(API + path + query, { headers: { "Accept": "application/json" } });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(body.message || answer.statusText);
  return body;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  return { path: decodeURIComponent(path || ""), params: new URLSearchParams(query || "") };
}

function currentFilters() {
  const params = parseHash().params;
  const out = {};
  for (const name of FILTERS) if (params.get(name)) out[name] = params.get(name);
  return out;
}

function setFilters(filters) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  const target = "#/" + (query.toString() ? "?" + query.toString() : "");
  if (location.hash !== target) location.hash = target;
}

function colourOf(type) { return TYPE_COLOURS[type] || "#334155"; }

function fmt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString(state.lang); }

// -- the events view: filters, map, timeline, table, exports ------------------------------------

async function eventsView(view) {
  const filters = currentFilters();
  const form = filterForm(filters);
  const totals = el("p", { class: "totals", id: "totals" });
  const mapBox = el("div", { id: "map", role: "region", "aria-label": t("map") });
  const timeline = el("div", { id: "timeline" });
  const table = el("div", { id: "table", class: "table-wrap" });
  const exports = el("div", { class: "exports" }, ["acled-csv", "geojson", "parquet", "jsonl"].map((fmtName) =>
    el("a", { class: "button", href: `${API}/export?${new URLSearchParams({ ...filters, format: fmtName })}`,
              "data-format": fmtName }, `${t("export")} ${fmtName}`)));
  view.replaceChildren(el("div", { class: "layout" },
    el("aside", { class: "panel" }, el("h2", { text: t("filters") }), form, el("h2", { text: t("export") }), exports),
    el("section", { class: "panel" }, totals, mapBox, el("h2", { text: t("timeline") }),
       el("p", { class: "totals", text: t("timeline_hint") }), timeline, el("h2", { text: t("table") }), table)));
  // everything at once: the figures, the map and the table do not wait for one another
  const groups = "country,event_type";
  const statsP = getJSON("/stats", { ...filters, period: "day", groups });
  if (!state.options) state.options = Object.keys(filters).length ? getJSON("/stats", { period: "month", groups }) : statsP;
  const drawn = Promise.all([drawMap(mapBox, filters), fillTable(table, filters)]);
  const [stats, options] = await Promise.all([statsP, state.options]);
  fillOptions(form, filters, options);
  totals.textContent = `${fmt(stats.total.events)} ${t("events")}, ${fmt(stats.total.fatalities)} ${t("fatalities")}`;
  drawTimeline(timeline, stats.series, filters);
  await drawn;
}

function filterForm(filters) {
  const field = (name, input) => el("label", {}, t(name), input);
  const text = (name, type) => field(name, el("input", { name, type: type || "text", value: filters[name] || "" }));
  const form = el("form", { class: "filters", id: "filters" },
    text("since", "date"), text("until", "date"),
    field("country", el("select", { name: "country" }, el("option", { value: "" }, t("any")))),
    field("event_type", el("select", { name: "event_type" }, el("option", { value: "" }, t("any")))),
    text("min_fatalities", "number"), text("q"), text("source"), text("actor"),
    el("button", { type: "button", id: "clear", onclick: () => setFilters({}) }, t("clear")));
  form.addEventListener("change", () => {
    const data = Object.fromEntries(new FormData(form).entries());
    setFilters(data);
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); });
  return form;
}

function fillOptions(form, filters, options) {
  for (const [name, key] of [["country", "by_country"], ["event_type", "by_event_type"]]) {
    const select = form.elements[name];
    for (const group of options[key]) {
      if (group.value === null) continue;
      select.append(el("option", { value: group.value, selected: filters[name] === group.value ? "selected" : null },
                       `${group.value} (${fmt(group.events)})`));
    }
  }
}

function drawTimeline(box, series, filters) {
  const width = 1000, height = 110, pad = 18;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "timeline");
  svg.setAttribute("role", "img");
  box.replaceChildren(svg);
  if (!series.length) return;
  const days = series.map((s) => Date.parse(s.start));
  const first = Math.min(...days), last = Math.max(...days) + 86400000;
  const most = Math.max(...series.map((s) => s.events));
  const x = (ms) => ((ms - first) / (last - first)) * width;
  const barWidth = Math.max(width / ((last - first) / 86400000), 1);
  for (const s of series) {
    const h = (s.events / most) * (height - pad);
    const bar = document.createElementNS(svg.namespaceURI, "rect");
    bar.setAttribute("class", "bar");
    bar.setAttribute("x", x(Date.parse(s.start)));
    bar.setAttribute("y", height - pad - h);
    bar.setAttribute("width", Math.max(barWidth - 0.5, 0.5));
    bar.setAttribute("height", h);
    const title = document.createElementNS(svg.namespaceURI, "title");
    title.textContent = `${s.start}: ${s.events} ${t("events")}, ${s.fatalities} ${t("fatalities")}`;
    bar.append(title);
    svg.append(bar);
  }
  for (const [ms, anchor] of [[first, "start"], [last - 86400000, "end"]]) {
    const label = document.createElementNS(svg.namespaceURI, "text");
    label.setAttribute("x", anchor === "start" ? 2 : width - 2);
    label.setAttribute("y", height - 3);
    label.setAttribute("font-size", "12");
    label.setAttribute("text-anchor", anchor);
    label.textContent = new Date(ms).toISOString().slice(0, 10);
    svg.append(label);
  }
  brush(svg, width, height, (a, b) => {
    const day = (px) => new Date(first + (Math.min(Math.max(px, 0), width) / width) * (last - first));
    const from = day(Math.min(a, b)).toISOString().slice(0, 10);
    const to = day(Math.max(a, b)).toISOString().slice(0, 10);
    setFilters({ ...filters, since: from, until: to });
  });
}

function brush(svg, width, height, done) {
  let start = null;
  const rect = document.createElementNS(svg.namespaceURI, "rect");
  rect.setAttribute("class", "brush");
  rect.setAttribute("y", 0);
  rect.setAttribute("height", height);
  const at = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * width;
  };
  svg.addEventListener("mousedown", (e) => { start = at(e); rect.setAttribute("x", start); rect.setAttribute("width", 0);
                                             svg.append(rect); });
  svg.addEventListener("mousemove", (e) => {
    if (start === null) return;
    const now = at(e);
    rect.setAttribute("x", Math.min(start, now));
    rect.setAttribute("width", Math.abs(now - start));
  });
  window.addEventListener("mouseup", (e) => {
    if (start === null) return;
    const end = at(e);
    const began = start;
    start = null;
    if (Math.abs(end - began) > 3) done(began, end);
  });
}

async function drawMap(box, filters) {
  if (state.map) { state.map.remove(); state.map = null; }
  const map = L.map(box, { worldCopyJump: true, zoomSnap: 0.5 });
  state.map = map;
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  map.setView([28, 40], 4);
  const extentP = getJSON("/map", { ...filters, zoom: 2, bbox: "-180,-90,180,90" });
  if (!state.config) state.config = await getJSON("/config");
  if (state.config.tiles) {
    L.tileLayer(state.config.tiles, { attribution: state.config.tiles_attribution || "", maxZoom: 18 }).addTo(map);
  }
  await drawCountries(map, Boolean(state.config.tiles));
  state.markers = L.layerGroup().addTo(map);
  const refresh = () => loadMarkers(map, filters);
  map.on("moveend", refresh);
  new ResizeObserver(() => map.invalidateSize()).observe(box);
  const extent = await extentP;
  if (extent.cells.length) {
    const bounds = L.latLngBounds(extent.cells.map((c) => [c.latitude, c.longitude]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 9 });
  }
  await refresh();
}

async function drawCountries(map, overTiles) {
  if (!state.countries) {
    const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
    state.countries = topojson.feature(topo, topo.objects.countries);
  }
  L.geoJSON(state.countries, { style: { color: "#94a3b8", weight: 1, fillColor: "#f8fafc",
                                        fillOpacity: overTiles ? 0 : 1 }, interactive: false }).addTo(map);
}

async function loadMarkers(map, filters) {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
                clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
  const data = await getJSON("/map", { ...filters, zoom: Math.round(map.getZoom()), bbox });
  state.markers.clearLayers();
  for (const cell of data.cells) {
    const single = cell.count === 1;
    const radius = single ? 5 + Math.sqrt(cell.fatalities || 0) * 2 : 8 + Math.sqrt(cell.count) * 3;
    const marker = L.circleMarker([cell.latitude, cell.longitude], {
      radius: Math.min(radius, 40), color: "#fff", weight: 1, fillColor: colourOf(cell.event_type),
      fillOpacity: single ? 0.85 : 0.7, className: single ? "rasd-marker rasd-event" : "rasd-marker rasd-cluster",
    });
    marker.bindPopup(() => popupFor(cell));
    if (!single) marker.bindTooltip(`${cell.count}`, { permanent: true, direction: "center", className: "marker-label" });
    marker.on("click", () => { if (!single && map.getZoom() < 12) map.setView([cell.latitude, cell.longitude], map.getZoom() + 2); });
    state.markers.addLayer(marker);
  }
  document.getElementById("map").dataset.markers = String(data.cells.length);
  document.getElementById("map").dataset.events = String(data.cells.reduce((n, c) => n + c.count, 0));
}

function popupFor(cell) {
  if (cell.count > 1) return el("div", {}, `${fmt(cell.count)} ${t("cluster")}`);
  return el("div", {}, el("strong", { text: cell.event_type || "" }), el("br"),
            `${cell.event_date || ""} · ${fmt(cell.fatalities)} ${t("killed")}`, el("br"),
            el("a", { href: `#/event/${encodeURIComponent(cell.event_id)}` }, t("event")));
}

async function fillTable(box, filters, cursor, body) {
  const page = await getJSON("/events", { ...filters, limit: 50, ...(cursor ? { cursor } : {}),
    fields: "event_id,event_date,event_type,sub_event_type,location,country,fatalities,source_count" });
  if (!body) {
    body = el("tbody");
    box.replaceChildren(el("table", { id: "events-table" }, el("thead", {}, el("tr", {},
      [t("date"), t("type"), t("location"), t("col_fatalities"), t("sources")].map((h, n) =>
        el("th", { text: h, class: n === 4 ? "hide-narrow" : null })))), body));
  }
  if (!page.events.length && !cursor) box.replaceChildren(el("p", { text: t("none") }));
  for (const e of page.events) {
    body.append(el("tr", { "data-event": e.event_id },
      el("td", {}, el("a", { href: `#/event/${encodeURIComponent(e.event_id)}` }, e.event_date || "–")),
      el("td", { text: e.sub_event_type || e.event_type || "" }),
      el("td", { text: [e.location, e.country].filter(Boolean).join(", ") }),
      el("td", { text: fmt(e.fatalities) }), el("td", { text: fmt(e.source_count), class: "hide-narrow" })));
  }
  box.querySelector("#more")?.remove();
  if (page.next_cursor) {
    box.append(el("button", { id: "more", type: "button", onclick: () => fillTable(box, filters, page.next_cursor, body) },
                  t("more")));
  }
}

// -- one event ----------------------------------------------------------------------------------

const EVENT_FIELDS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                      "country", "fatalities", "fatalities_min", "fatalities_max", "injured", "grading",
                      "source_count", "confidence", "notes"];

async function eventView(view, id) {
  const event = await getJSON(`/events/${encodeURIComponent(id)}`);
  const reportConfidence = mergedConfidence(event.reports);
  const rows = EVENT_FIELDS.filter((f) => event[f] !== null && event[f] !== undefined).map((f) =>
    [el("dt", { text: f }), el("dd", { class: "value", text: String(event[f]) }),
     el("dd", { class: "confidence", text: reportConfidence[f] !== undefined ? reportConfidence[f].toFixed(2) : "" })]);
  const sources = event.reports.map((r) => el("li", { class: "report", "data-report": r.report_id },
    el("strong", { text: r.outlet || "?" }), ` · ${r.published || ""} · `,
    `${fmt(r.said.fatalities)} ${t("killed")}`, r.said.injured ? `, ${fmt(r.said.injured)} ${t("injured")}` : "",
    " · ", el("a", { href: `#/article/${encodeURIComponent(r.article_id)}`, class: "article-link" }, t("open_article")),
    r.url ? [" · ", el("a", { href: r.url, rel: "noopener noreferrer", target: "_blank" }, "URL")] : null,
    r.reason ? el("div", { class: "totals" }, `${t("why_merged")}: ${r.reason}`) : null));
  const other = event.actor1 ? await getJSON("/events", { actor: event.actor1, limit: 11,
    fields: "event_id,event_date,event_type,location" }) : { events: [] };
  view.replaceChildren(el("div", { class: "panel", id: "event" },
    el("p", {}, el("a", { href: "#/" }, t("back"))),
    el("h2", { text: `${event.sub_event_type || event.event_type || t("event")} — ${event.location || ""} ${event.event_date || ""}` }),
    el("dl", { class: "fields" }, el("dt", { class: "head", text: t("field") }),
       el("dd", { class: "head", text: t("value") }), el("dd", { class: "head", text: t("confidence") }), rows),
    el("h2", { text: `${t("reports")} (${event.reports.length})` }), el("ol", { id: "sources" }, sources),
    event.merged_from.length ? el("p", {}, `${t("merged_from")}: ${event.merged_from.join(", ")}`) : null,
    el("h2", { text: t("actor_events") }),
    el("ul", {}, other.events.filter((e) => e.event_id !== event.event_id).map((e) =>
      el("li", {}, el("a", { href: `#/event/${encodeURIComponent(e.event_id)}` },
                      `${e.event_date || ""} ${e.event_type || ""} ${e.location || ""}`))))));
}

function mergedConfidence(reports) {
  const best = {};
  for (const report of reports) {
    for (const [field, value] of Object.entries(report.said.confidence || {})) {
      if (typeof value === "number") best[field] = Math.max(best[field] || 0, value);
    }
  }
  return best;
}

// -- one article, with its evidence -------------------------------------------------------------

async function articleView(view, id) {
  const article = await getJSON(`/articles/${encodeURIComponent(id)}`);
  const spans = [];
  for (const report of article.reports) {
    for (const ev of report.evidence) {
      spans.push({ start: ev.start, end: ev.end, cls: `f-${ev.field}`, field: ev.field,
                   label: `${ev.field}: ${valueOf(report.event, ev.field)}`, event: report.fused_event_id });
    }
  }
  const nonEvents = article.mentions.filter((m) => m.kind === "non_event");
  for (const m of nonEvents) {
    spans.push({ start: m.start, end: m.end, cls: "k-non_event", field: "non_event",
                 label: `${t("non_events")} (${t("reason")}: ${m.value.reason})` });
  }
  view.replaceChildren(el("div", { class: "panel", id: "article" },
    el("p", {}, el("a", { href: "#/" }, t("back"))),
    el("h2", { lang: "ar", dir: "auto", text: article.title || article.id }),
    el("p", { class: "totals" }, [article.outlet, article.published].filter(Boolean).join(" · "),
       article.copy_of ? [" · ", `${t("copy_of")} `,
                          el("a", { href: `#/article/${encodeURIComponent(article.copy_of)}` }, article.copy_of)] : null),
    legend(spans),
    highlighted(article.text, spans),
    nonEvents.length ? el("div", {}, el("h2", { text: t("non_events") }), el("ul", {}, nonEvents.map((m) =>
      el("li", {}, el("span", { lang: "ar", dir: "rtl", text: m.text }), ` — ${t("reason")}: ${m.value.reason}`)))) : null));
}

function valueOf(event, field) {
  const value = event[field];
  return value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function legend(spans) {
  const fields = [...new Set(spans.map((s) => s.field))];
  return el("p", { class: "legend" }, fields.map((f) => el("span", {},
    el("mark", { class: spans.find((s) => s.field === f).cls, text: f }))));
}

function highlighted(text, spans) {
  // cut the text at every span boundary; each piece is marked with the shortest span covering it
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, text.length))); cuts.add(Math.max(0, Math.min(s.end, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article-text", lang: "ar", dir: "rtl", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    box.append(el("mark", { class: covering[0].cls, title: covering.map((s) => s.label).join("\n"),
                            "data-field": covering.map((s) => s.field).join(" "), "data-start": a, "data-end": b }, piece));
  }
  return box;
}

// -- try an article -----------------------------------------------------------------------------

function tryView(view) {
  const text = el("textarea", { id: "try-text", lang: "ar", dir: "rtl", "aria-label": t("try_text") });
  const date = el("input", { id: "try-date", type: "date", value: new Date().toISOString().slice(0, 10) });
  const out = el("div", { id: "try-result" });
  const run = async () => {
    out.replaceChildren(el("p", { id: "try-loading", text: t("loading") }));
    try {
      const answer = await fetch(`${API}/extract`, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text.value, published: date.value || null }) });
      const body = await answer.json();
      if (!answer.ok) throw new Error(body.message || answer.statusText);
      showExtraction(out, text.value, body);
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", text: `${t("error")}: ${error.message}` }));
    }
  };
  view.replaceChildren(el("div", { class: "panel" }, el("h2", { text: t("try_title") }),
    el("label", {}, t("try_text"), text), el("label", {}, ` ${t("try_date")} `, date), " ",
    el("button", { id: "try-run", type: "button", onclick: run }, t("try_run")), out));
}

function showExtraction(out, text, body) {
  const spans = [];
  body.events.forEach((event, n) => {
    for (const ev of event.evidence) {
      spans.push({ start: ev.start, end: ev.end, cls: `f-${ev.field}`, field: ev.field,
                   label: `#${n + 1} ${ev.field}: ${valueOf(event, ev.field)}` });
    }
  });
  for (const m of body.mentions.filter((x) => x.kind === "non_event")) {
    spans.push({ start: m.start, end: m.end, cls: "k-non_event", field: "non_event",
                 label: `${t("non_events")} (${t("reason")}: ${m.value.reason})` });
  }
  const list = body.events.map((e, n) => el("li", { class: "try-event" },
    `#${n + 1} ${e.event_date || "?"} · ${e.sub_event_type || e.event_type} · ${e.location || "?"} · `,
    `${fmt(e.fatalities)} ${t("killed")}`));
  out.replaceChildren(body.events.length ? el("ol", { id: "try-events" }, list) : el("p", { text: t("try_empty") }),
                      legend(spans), highlighted(text, spans));
}

// -- start ----------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

async function route() {
  const view = document.getElementById("view");
  const { path } = parseHash();
  try {
    if (path.startsWith("event/")) await eventView(view, path.slice(6));
    else if (path.startsWith("article/")) await articleView(view, path.slice(8));
    else if (path === "try") tryView(view);
    else await eventsView(view);
  } catch (error) {
    view.replaceChildren(el("p", { class: "error", text: `${t("error")}: ${error.message}` }));
  }
  document.body.dataset.ready = String(Date.now());
}

async function start() {
  state.strings = await (await fetch("/static/i18n.json")).json();
  applyLanguage();
  document.getElementById("lang").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    localStorage.setItem("rasd-lang", state.lang);
    applyLanguage();
    route();
  });
  window.addEventListener("hashchange", route);
  await route();
}

start();
