/** The edge index JSON (data/edge/index.json), resolved by wrangler's `alias`; validated at startup by loadEdgeIndex. */
declare module "edge-index" {
  const edgeIndex: unknown;
  export default edgeIndex;
}
