// Compiles GOV.UK Frontend with the council's settings into static/build/govuk-council.css.
// Sass's JavaScript API through its ES module entry point, so the build runs on Debian's Node.js 18 as
// well as on Node.js 20+: the `sass` command's CommonJS entry point needs Node.js 20.19 or later.
import { mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const result = sass.compile("assets_src/govuk-council.scss", {
  importers: [new sass.NodePackageImporter()],
  style: "compressed",
  quietDeps: true,
  sourceMap: false,
});
mkdirSync("static/build", { recursive: true });
writeFileSync("static/build/govuk-council.css", result.css + "\n");
