// PingOne's HAL collections: a `next` link says more items follow on another page.

export function halComplete(body: unknown): boolean {
  return !(body as { _links?: { next?: unknown } } | undefined)?._links?.next;
}
