// What a case or a flow step claims of an answer beyond the spec, per check. The case says what it
// expects (data); the named check in this folder decides whether the answer shows it. `promisedBy`
// names the document that promises the claim: without one, a difference is only observed.

export type Json = Record<string, unknown>;

/**
 * What an answer must show: a value at a JSON pointer (e.g. `/name` = the name an update sent), or, for
 * a text body (XML), a piece of text. `what` says how it was set, for the message.
 */
export type Shows = { pointer: string; value: unknown; what: string } | { text: string; what: string };

export interface Claims {
  /** A list asked for at most `query[param]` items holds at most that many. */
  'page-size'?: { param: string; items(body: unknown): unknown[] | undefined; promisedBy?: string };
  /** A read of what the flow created shows each field the create sent. */
  'same-fields'?: { sent: Json; promisedBy?: string };
  /** The update's own answer shows the change. */
  'update-reflected'?: { shows: Shows; promisedBy?: string };
  /** A read after the update shows the change, and (a full replace) the fields it left out unset. */
  'update-persisted'?: { shows: Shows; unset?: string[]; promisedBy?: string };
  /** The list holds what the flow created; a list that says more pages follow is not expected to. */
  'list-contains'?: {
    id: string;
    items(body: unknown): Json[];
    idOf(item: Json): string | undefined;
    complete(body: unknown): boolean;
    promisedBy?: string;
  };
  /** A clone is a new resource with its own id (`sourceId`), and keeps its source's name (`name`). */
  'clone-copies'?:
    | { sourceId: string; idOf(body: Json): string | undefined; promisedBy?: string }
    | { name: string; promisedBy?: string };
}

export type ClaimName = keyof Claims;
