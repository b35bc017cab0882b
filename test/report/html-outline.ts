// The page outline html tests read: index.html's API sections, their operations and each case's row, text unescaped.

export const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

const text = (html: string) => unescape(html.replace(/<[^>]+>/g, ''));

export interface CaseView {
  anchor: string;
  data: { api: string; status: string; kind: string; check?: string };
  name: string;
  status: string;
  /** A <details> row: has a detail. */
  folded: boolean;
  open: boolean;
  body: string;
}
export interface OperationView {
  op: string;
  route: string;
  open: boolean;
  cases: CaseView[];
}

function row(html: string): CaseView {
  const attr = (name: string) => {
    const m = new RegExp(` ${name}="([^"]*)"`).exec(html.slice(0, html.indexOf('>')));
    return m ? unescape(m[1]!) : undefined;
  };
  const data = { api: attr('data-api')!, status: attr('data-status')!, kind: attr('data-kind')! };
  const check = attr('data-check');
  const base = { anchor: attr('id')!, data: check === undefined ? data : { ...data, check } };
  const folded =
    /^[^>]*><details( open)?><summary><span class="badge (\w+)">\w+<\/span> (.*?) <span class="muted">[^<]*<\/span>.*?<\/summary><div class="detail">(.*)<\/div><\/details><\/li>/s.exec(
      html,
    );
  if (folded)
    return {
      ...base,
      folded: true,
      open: folded[1] === ' open',
      status: folded[2]!,
      name: unescape(folded[3]!),
      body: text(folded[4]!),
    };
  const line = /^[^>]*><span class="badge (\w+)">\w+<\/span> (.*?) <span class="muted">[^<]*<\/span>(.*)<\/li>/s.exec(
    html,
  )!;
  return { ...base, folded: false, open: false, status: line[1]!, name: unescape(line[2]!), body: text(line[3]!) };
}

/** The page's outline: each API <section>, its operation <details> and each case's row, text unescaped. */
export function outline(html: string): Array<{ api: string; heading: string; operations: OperationView[] }> {
  return html
    .split('<section class="api" data-api="')
    .slice(1)
    .map((part) => {
      const section = part.slice(0, part.indexOf('\n</section>'));
      const api = unescape(section.slice(0, section.indexOf('"')));
      const heading = text(/<h2[^>]*>(.*?)<\/h2>/s.exec(section)![1]!).trim();
      const operations = section
        .split('<details class="op"')
        .slice(1)
        .map((op) => {
          const head = /^( open)?><summary><span class="op-name">(.*?)<\/span> <span class="muted">(.*?)<\/span>/s.exec(
            op,
          )!;
          return {
            op: unescape(head[2]!),
            route: unescape(head[3]!),
            open: head[1] === ' open',
            cases: op
              .split('<li class="r"')
              .slice(1)
              .map((r) => row(r.replace(/<\/ul><\/details>\s*$/, '').trimEnd())),
          };
        });
      return { api, heading, operations };
    });
}

/** The page without its one script (PAGE_SCRIPT, which holds no data): what must hold no other <script>. */
export const withoutPageScript = (html: string, script: string) => html.replace(`<script>${script}</script>`, '');
