// The MOJ Pattern Library's components that enhance a page (the sortable caseload table), from its own bundle.
import { initAll } from '/assets/moj/all.bundle.mjs'
initAll()
