/** The clinic's edge index JSON, copied to dist/edge-index.json by `npm run build:worker` and resolved by wrangler's `alias`; validated at startup by loadEdgeIndex. */
declare module "edge-index" {
  const edgeIndex: unknown;
  export default edgeIndex;
}
