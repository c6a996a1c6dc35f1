import type { DeliveryEvent } from './deliveryEvent.ts';

/** One webhook's delivery of one event. */
export interface WebhookDelivery {
  /** The webhook's origin and path: never its query or credentials, which may hold a secret. */
  target: string;
  attempts: number;
  state: 'pending' | 'delivered' | 'failed';
  /** The last HTTP status, or the last network error. */
  status?: number;
  error?: string;
  /** When it was delivered or given up. */
  settledAt?: string;
}

/** An event and how each webhook has received it, as `/_emulator/events` lists them. */
export interface LoggedEvent {
  event: DeliveryEvent;
  deliveries: WebhookDelivery[];
}

interface WebhookSenderOptions {
  /** A line per delivery attempt; never with the target's query or credentials. */
  log?: (line: string) => void;
  /** Attempts per webhook and event (default 5). */
  maxAttempts?: number;
  /** Wait before the second attempt; doubles after each (default 500 ms: 0.5, 1, 2, 4 s). */
  baseDelayMs?: number;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
  /** Events kept for `/_emulator/events` (default 100). */
  keep?: number;
}

/** `http://user:secret@hooks.local/x?token=…` → `http://hooks.local/x`. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** A 'TypeError naming the option' for a webhook URL that is not http(s). */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`webhook: "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`webhook: "${redactUrl(url)}" must be an http or https URL`);
  return url;
}

/**
 * Posts events to the `--webhook` URLs as JSON (CloudEvents 1.0, structured), each webhook on its
 * own: a failed attempt (a network error, a timeout or a non-2xx answer) is retried with
 * exponential backoff and jitter, up to `maxAttempts`. Every attempt is logged, and the recent
 * events with their delivery states are kept (a bounded list) for `/_emulator/events`.
 */
export class WebhookSender {
  readonly #targets: URL[];
  readonly #log: (line: string) => void;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #timeoutMs: number;
  readonly #keep: number;
  readonly #recent: LoggedEvent[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #aborts = new Set<AbortController>();
  #closed = false;

  constructor(targets: readonly URL[], { log = () => {}, maxAttempts = 5, baseDelayMs = 500, timeoutMs = 5000, keep = 100 }: WebhookSenderOptions = {}) {
    this.#targets = [...targets];
    this.#log = log;
    this.#maxAttempts = maxAttempts;
    this.#baseDelayMs = baseDelayMs;
    this.#timeoutMs = timeoutMs;
    this.#keep = keep;
  }

  send(event: DeliveryEvent): void {
    if (this.#closed) return;
    const entry: LoggedEvent = { event, deliveries: this.#targets.map((url) => ({ target: redactUrl(url), attempts: 0, state: 'pending' })) };
    this.#recent.unshift(entry);
    this.#recent.length = Math.min(this.#recent.length, this.#keep);
    this.#targets.forEach((url, i) => void this.#attempt(url, event, entry.deliveries[i]!));
  }

  /** Newest first. */
  recent(): LoggedEvent[] {
    return this.#recent.map((e) => ({ event: e.event, deliveries: e.deliveries.map((d) => ({ ...d })) }));
  }

  /** Stops retries and in-flight posts (at shutdown). */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    for (const abort of this.#aborts) abort.abort();
    this.#timers.clear();
  }

  async #attempt(url: URL, event: DeliveryEvent, delivery: WebhookDelivery): Promise<void> {
    if (this.#closed) return;
    delivery.attempts++;
    const abort = new AbortController();
    this.#aborts.add(abort);
    const timeout = setTimeout(() => abort.abort(), this.#timeoutMs);
    let failure: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'asset-selector-emulator' },
        body: JSON.stringify(event),
        redirect: 'manual',
        signal: abort.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.status = response.status;
      delete delivery.error;
      if (response.ok) {
        delivery.state = 'delivered';
        delivery.settledAt = new Date().toISOString();
        this.#log(`webhook ${delivery.target} ${event.type} ${event.data.assetId} → ${response.status} (attempt ${delivery.attempts})`);
        return;
      }
      failure = String(response.status);
    } catch (error) {
      if (this.#closed) return;
      failure = abort.signal.aborted ? `no answer in ${this.#timeoutMs} ms` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      delivery.error = failure;
    } finally {
      clearTimeout(timeout);
      this.#aborts.delete(abort);
    }
    if (delivery.attempts >= this.#maxAttempts) {
      delivery.state = 'failed';
      delivery.settledAt = new Date().toISOString();
      this.#log(`webhook ${delivery.target} ${event.type} ${event.data.assetId} → ${failure}; gave up after ${delivery.attempts} attempts`);
      return;
    }
    const delay = this.#baseDelayMs * 2 ** (delivery.attempts - 1) * (0.75 + Math.random() * 0.5);
    this.#log(`webhook ${delivery.target} ${event.type} ${event.data.assetId} → ${failure}; retrying in ${Math.round(delay)} ms (attempt ${delivery.attempts})`);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#attempt(url, event, delivery);
    }, delay);
    timer.unref();
    this.#timers.add(timer);
  }
}
