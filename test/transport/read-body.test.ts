// readCapped on streams in every state: it settles once, with the text, the stream's error, or a
// premature-close error, whether the stream ends, fails or closes before, during or after it listens.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ResponseTooLargeError, readCapped } from '../../src/transport/read-body.js';

const stream = () => new PassThrough();

describe('readCapped', () => {
  it('the text of chunks as they come, a BOM dropped, UTF-8 split across chunks kept', async () => {
    const s = stream();
    const text = readCapped(s, undefined, 100);
    const bytes = Buffer.from('\uFEFFé✓ok');
    s.write(bytes.subarray(0, 4));
    s.end(bytes.subarray(4));
    await expect(text).resolves.toBe('é✓ok');
    expect(s.listenerCount('data') + s.listenerCount('end') + s.listenerCount('close')).toBe(0);
  });

  it('a stream that fails midway: its error', async () => {
    const s = stream();
    const text = readCapped(s, undefined, 100);
    s.write('half');
    s.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(text).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('a stream closed midway without an error: a premature-close error, not the part read', async () => {
    const s = stream();
    const text = readCapped(s, undefined, 100);
    s.write('half');
    s.destroy();
    await expect(text).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('a stream destroyed, failed or ended before it listens: settled at once, never left waiting', async () => {
    const destroyed = stream();
    destroyed.destroy();
    await expect(readCapped(destroyed, undefined, 100)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const failed = stream();
    failed.on('error', () => undefined);
    failed.destroy(new Error('gone'));
    await expect(readCapped(failed, undefined, 100)).rejects.toThrow('gone');
    const ended = stream();
    ended.end();
    ended.resume();
    await new Promise((r) => ended.once('end', r));
    await expect(readCapped(ended, undefined, 100)).resolves.toBe('');
  });

  it('more bytes than the cap: a ResponseTooLargeError, and the stream destroyed', async () => {
    const s = stream();
    const text = readCapped(s, undefined, 5);
    s.write('123');
    s.write('456');
    await expect(text).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(s.destroyed).toBe(true);
  });
});
