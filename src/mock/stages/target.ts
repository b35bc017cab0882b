// Stage `target`: only a valid Host names the host and the target is always a path (400 otherwise);
// the API whose base path the path is under answers from here on, in its own error shape.

import type { IncomingMessage } from 'node:http';
import { vendorError } from '../context.js';
import type { Entropy } from '../random.js';
import { requestTarget } from '../request-target.js';
import type { FieldError, Mount } from '../types.js';
import type { Addressed, Stages } from './types.js';

export function target(mounts: Map<string, Mount>, entropy: Entropy): Stages['target'] {
  return (req: IncomingMessage) => {
    const addressed = requestTarget(req);
    const mount = [...mounts.values()].find((m) => addressed.pathname.startsWith(m.basePath + '/'));
    const refuse = (status: number, message: string, fields: FieldError[] = []) => ({
      response: vendorError(mount, entropy, status, message, fields),
    });
    if (!addressed.ok) return refuse(400, addressed.message);
    return { req, url: addressed.url, mount, refuse } satisfies Addressed;
  };
}
