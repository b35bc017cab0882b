// One escape for everything the reports write into HTML and XML (index.html, junit.xml): markup
// characters as entities, and the characters XML 1.0 forbids (control characters other than tab,
// newline and carriage return, DEL, U+FFFE/U+FFFF, unpaired surrogates) dropped, so a target's bytes
// can never break a report.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function esc(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
