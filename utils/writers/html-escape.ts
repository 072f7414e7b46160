/**
 * Every string that reaches the HTML report came from visited pages or from a HAR someone sent us,
 * so all of it goes through this, in element text and attribute values alike.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
