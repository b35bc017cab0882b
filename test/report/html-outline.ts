// The page outline html tests read: index.html's API sections, operations and case <details>, text unescaped.

export const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

export interface CaseView {
  name: string;
  status: string;
  open: boolean;
  body: string;
}
export interface OperationView {
  op: string;
  route: string;
  cases: CaseView[];
}

/** The page's outline: each <h2> API section, its <h3> operations, and each case's <details>, text unescaped. */
export function outline(html: string): Array<{ api: string; heading: string; operations: OperationView[] }> {
  return html
    .split('<h2 id="')
    .slice(1)
    .map((section) => {
      const api = section.slice(0, section.indexOf('"'));
      const [head, ...ops] = section.slice(section.indexOf('>') + 1).split('<h3>');
      return {
        api,
        heading: unescape(head!.replace(/<[^>]+>/g, '')).trim(),
        operations: ops.map((op) => ({
          op: unescape(op.slice(0, op.indexOf(' <span class="muted">'))),
          route: unescape(/<span class="muted">([^<]*)<\/span><\/h3>/.exec(op)![1]!).trim(),
          cases: [
            ...op.matchAll(
              /<details( open)?><summary><span class="badge (\w+)">\w+<\/span> (.*?) <span class="muted">[^<]*<\/span><\/summary>(.*?)<\/details>/gs,
            ),
          ].map((m) => ({
            open: m[1] === ' open',
            status: m[2]!,
            name: unescape(m[3]!),
            body: unescape(m[4]!.replace(/<[^>]+>/g, '')),
          })),
        })),
      };
    });
}
