// Copy the installed front-end libraries into the Python package's static folder.
// Run after `npm ci --prefix web`:  node web/build.mjs   (or: npm run --prefix web build)
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "crisisledger", "web", "static", "vendor");

const files = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/dist/images", "images"],
  ["leaflet/LICENSE", "LICENSE.leaflet"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "LICENSE.topojson-client"],
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "LICENSE.world-atlas"],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [from, to] of files) cpSync(join(modules, from), join(out, to), { recursive: true });
const versions = Object.fromEntries(
  ["leaflet", "topojson-client", "world-atlas"].map((name) => [
    name, JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version,
  ]),
);
// The server checks for this file to know the front-end was built.
writeFileSync(join(out, "manifest.json"), JSON.stringify({ versions, files: files.map((f) => f[1]) }, null, 1));
console.log(`vendored ${files.length} files into ${out}`);
