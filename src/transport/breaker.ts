// A circuit breaker per operation: once a request of an operation times out, later requests of that
// operation fail at once, without being sent, instead of each waiting out the timeout too.
//
// Only timeouts open it (no answer within --timeout, or undici's own connect, headers or body
// timeouts). Other network errors (connection refused or reset, DNS) already fail at once, so the
// breaker would save no time on them, and one dropped connection must not condemn an operation.

import type { Exchange } from '../model/types.js';
import { failureOf } from './http-client.js';

/** Operations that time out before the target has answered anything: then the whole target is unresponsive. */
const SILENT_TARGET_AFTER = 2;

export class OperationBreaker {
  private readonly open = new Map<string, string>();
  /** Whether the target has answered any request at all. */
  private answered = false;

  /**
   * The error a request of this operation fails with while its breaker is open; undefined when closed.
   * A target that has answered nothing while two operations timed out is silent: every operation is.
   */
  blocked(operationId: string): string | undefined {
    const own = this.open.get(operationId);
    if (own || this.answered || this.open.size < SILENT_TARGET_AFTER) return own;
    return `the target is unresponsive: no request has been answered, and ${[...this.open.values()][0]}`;
  }

  /** Opens the operation's breaker when its exchange timed out; an answer closes it. */
  observe(operationId: string, exchange: Exchange): void {
    if (exchange.response) {
      this.answered = true;
      this.open.delete(operationId);
      return;
    }
    if (failureOf(exchange) !== 'timeout' || this.open.has(operationId)) return;
    // The first request to time out, as recorded (redacted, without userinfo).
    const since = `${exchange.request.method} ${exchange.request.url}`;
    this.open.set(operationId, `operation ${operationId} unresponsive since ${since}: ${exchange.error}`);
  }

  /** True when the target has answered nothing while operations timed out: probing it again only waits. */
  silent(): boolean {
    return !this.answered && this.open.size >= SILENT_TARGET_AFTER;
  }

  /** The operations whose breaker is open. */
  openOperations(): string[] {
    return [...this.open.keys()];
  }
}
