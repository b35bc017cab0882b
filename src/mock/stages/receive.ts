// Stage `receive`: the body's bytes, up to the size limit (413), from a client that finishes sending (400).

import { BodyError, readRawBody } from '../read-body.js';
import type { Stages } from './types.js';

export function receive(maxBodyBytes: number): Stages['receive'] {
  return async (x) => {
    try {
      return { ...x, raw: await readRawBody(x.req, maxBodyBytes) };
    } catch (err) {
      if (err instanceof BodyError) return x.refuse(err.status, err.message);
      throw err;
    }
  };
}
