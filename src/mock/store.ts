// In-memory state: collections (keyed by their concrete path, e.g. `/environments/<id>/connectorInstances`)
// of JSON resources keyed by id, in insertion order.

export type Resource = Record<string, unknown>;

export class Store {
  private readonly collections = new Map<string, Map<string, Resource>>();

  list(collection: string): Resource[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  get(collection: string, id: string): Resource | undefined {
    return this.collections.get(collection)?.get(id);
  }

  put(collection: string, id: string, resource: Resource): Resource {
    let items = this.collections.get(collection);
    if (!items) this.collections.set(collection, (items = new Map()));
    items.set(id, resource);
    return resource;
  }

  delete(collection: string, id: string): boolean {
    return this.collections.get(collection)?.delete(id) ?? false;
  }

  /** A copy of everything, for `restore`: how a request the mock takes back leaves no trace. */
  snapshot(): Map<string, Map<string, Resource>> {
    return new Map(
      [...this.collections].map(([k, v]) => [k, new Map([...v].map(([id, r]) => [id, structuredClone(r)]))]),
    );
  }

  restore(snapshot: Map<string, Map<string, Resource>>): void {
    this.collections.clear();
    for (const [k, v] of snapshot) this.collections.set(k, v);
  }

  /** Every collection key and its size: for tests and `conformance mock` start-up output. */
  summary(): Record<string, number> {
    return Object.fromEntries([...this.collections].map(([k, v]) => [k, v.size]));
  }
}
