// A message as one short line for a console or an XML attribute: its first line, without control
// characters (a target's text must not drive a terminal), cut to a bound.

/** A message's first line is cut to this many characters. */
export const LINE_MAX = 200;

export function oneLine(message: string, max = LINE_MAX): string {
  const line = message
    .split(/\r?\n/)[0]!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
