// Compiles GOV.UK Frontend with the council's settings into static/build/govuk-council.css, and the MOJ
// Pattern Library's case-work components into static/build/moj.css.
// Sass's JavaScript API through its ES module entry point, so the build runs on Debian's Node.js 18 as
// well as on Node.js 20+: the `sass` command's CommonJS entry point needs Node.js 20.19 or later.
import { mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const silent = { warn() {}, debug() {} };  // the MOJ library's own deprecation warnings, not ours
const builds = [
  ["assets_src/govuk-council.scss", "static/build/govuk-council.css", {}],
  ["assets_src/moj.scss", "static/build/moj.css", { loadPaths: ["."], logger: silent }],
];
mkdirSync("static/build", { recursive: true });
for (const [source, target, options] of builds) {
  const result = sass.compile(source, {
    importers: [new sass.NodePackageImporter()],
    style: "compressed",
    quietDeps: true,
    sourceMap: false,
    ...options,
  });
  writeFileSync(target, result.css + "\n");
}
