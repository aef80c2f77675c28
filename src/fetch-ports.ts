/**
 * Ports `fetch` refuses to connect to (the Fetch standard's "bad ports",
 * https://fetch.spec.whatwg.org/#bad-port, as undici in Node implements
 * them), plus port 0. A webhook or API URL on one of these fails every
 * request with a bare "network error": the config check names it at start-up.
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123,
  135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Why `fetch` would never reach this URL's port, or null when the port is fine. */
export function refusedPortProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // URL drops a scheme's default port ("https://x:443" → ""); those are always allowed.
  if (parsed.port === "") return null;
  const port = Number(parsed.port);
  if (port === 0) return "port 0 cannot be connected to";
  if (BAD_PORTS.has(port)) return `port ${port} is one fetch refuses to connect to (a "bad port" in the Fetch standard), so every request would fail with "network error"`;
  return null;
}
