// What every maker of negative variants hands the selection (negative-variants.ts): a candidate, one way
// to break a valid request, in a category, with the constraint it breaks and its JSON Patch.

import type { Operation, RequestParts } from './request-patch.js';

export type Category = 'content type' | 'missing' | 'enum' | 'type' | 'limits';
/** The order variants are listed in. */
export const CATEGORIES: Category[] = ['content type', 'missing', 'enum', 'type', 'limits'];

export interface Candidate {
  category: Category;
  name: string;
  forbids: string;
  /** Present in the valid request (absent ones are added by the variant and rank after). */
  present: boolean;
  /** The schema (or parameter) node and keyword broken, to find the documents that state it. */
  constraint: { pointer: string; keyword: string } | undefined;
  /**
   * The JSON Patch that breaks `valid` this way, made from that request: a missing parent is added first
   * (a minimal valid value), and a length or an item count starts from the value it has.
   */
  patch(valid: RequestParts): Operation[];
}
