/** Test-only: the real datasets from node_modules, compiled once per test file. Not imported by app code. */
export { attributionTable as realTable, loadSiteOwners, loadThirdPartyWeb, loadTrackerDb } from '../../scripts/data/datasets';
