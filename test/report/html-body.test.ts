// renderBody: a response body pretty-printed, the failing JSON pointer marked, a cut excerpt re-indented, text escaped.

import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/report/html-body.js';
import { unescape } from './html-outline.js';

const lines = (html: string) => unescape(html.replace(/^<pre class="body">|<\/pre>$/g, '')).split('\n');
const markedLines = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => unescape(m[1]!));

describe('renderBody', () => {
  const body = JSON.stringify({
    items: [
      { id: 'a', status: 'OK' },
      { id: 'b', status: 'BROKEN' },
    ],
    'a/b~c': 1,
  });

  it('pretty-prints JSON, one member a line', () => {
    expect(lines(renderBody(body))).toEqual([
      '{',
      '  "items": [',
      '    {',
      '      "id": "a",',
      '      "status": "OK"',
      '    },',
      '    {',
      '      "id": "b",',
      '      "status": "BROKEN"',
      '    }',
      '  ],',
      '  "a/b~c": 1',
      '}',
    ]);
  });

  it.each([
    ['a scalar member', ['/items/1/status'], ['      "status": "BROKEN"']],
    ['an object: its every line', ['/items/0'], ['    {', '      "id": "a",', '      "status": "OK"', '    },']],
    ['a key escaped wrongly: nothing', ['/a~1b~00c'], []],
    ['an escaped key, as written', ['/a~1b~0c'], ['  "a/b~c": 1']],
    ['two pointers', ['/items/0/id', '/items/1/id'], ['      "id": "a",', '      "id": "b",']],
    ['a header name, not a pointer: nothing', ['x-total-count'], []],
    ['a pointer not in the body: nothing', ['/nope'], []],
  ])('marks %s', (_label, pointers, expected) => {
    expect(markedLines(renderBody(body, pointers))).toEqual(expected);
  });

  it('re-indents an excerpt cut short, outside strings', () => {
    const cut = '{"a":[1,2],"b":"x, {y}","c":{"d":"tru';
    expect(lines(renderBody(cut))).toEqual([
      '{',
      '  "a":[',
      '    1,',
      '    2],',
      '  "b":"x, {y}",',
      '  "c":{',
      '    "d":"tru',
    ]);
  });

  it('shows other text as it is, escaped', () => {
    const html = renderBody('<html onload="x()">&</html>');
    expect(html).toBe('<pre class="body">&lt;html onload=&quot;x()&quot;&gt;&amp;&lt;/html&gt;</pre>');
  });

  it('escapes keys and values of JSON, marked or not', () => {
    const html = renderBody(JSON.stringify({ '<k>': '<script>"' }), ['/<k>']);
    expect(html).not.toMatch(/<(?!\/?(pre|mark)\b)/);
    expect(markedLines(html)).toEqual(['  "<k>": "<script>\\""']);
  });
});
