// The one escape the HTML and XML reports use.

import { expect, it } from 'vitest';
import { esc } from '../../src/report/escape.js';

it.each([
  ['markup', `<a href="x">'&'</a>`, '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'],
  [
    'control characters XML forbids, kept tab, newline and return',
    'a\u0000b\u0007c\u001bd\u007fe\tf\ng\rh',
    'abcde\tf\ng\rh',
  ],
  ['U+FFFE and U+FFFF', 'x\ufffey\uffffz', 'xyz'],
  ['an unpaired surrogate, but not a pair', 'a\ud800b\udc00c😀', 'abc😀'],
])('%s', (_what, given, want) => {
  expect(esc(given)).toBe(want);
});
