// The webhook emitter: posts each event of the simulator to a URL, signed the
// way Chatwoot 4.15.1 signs them (lib/webhooks/trigger.rb):
//
//   Content-Type: application/json, Accept: application/json
//   X-Chatwoot-Delivery: <uuid>           (app/listeners/webhook_listener.rb: SecureRandom.uuid)
//   X-Chatwoot-Timestamp: <unix seconds>  (only with a secret)
//   X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
//
// Deliveries go out one at a time in the order the store emitted them, with
// Chatwoot's default 5 s timeout; a failed delivery is reported and dropped
// (Chatwoot does not retry account webhooks either). The secret never appears
// in a report.
import crypto from "node:crypto";
import type { Simulator, SimulatorEvent } from "./simulator.js";

export interface WebhookOptions {
  url: string;
  /** Signs each delivery when set. */
  secret?: string;
  /** Per delivery (Chatwoot's WEBHOOK_TIMEOUT default: 5 s). */
  timeoutMs?: number;
  /** Called for each delivery that failed (network error, timeout or non-2xx answer). */
  onError?: (message: string, event: SimulatorEvent) => void;
  /** Called for each payload before it is sent (the door validates it against the spec here). */
  onPayload?: (event: SimulatorEvent) => void;
}

export interface WebhookEmitter {
  /** Resolves once every delivery queued so far has been attempted. */
  idle(): Promise<void>;
  /** Stops listening; queued deliveries still go out (await idle() for them). */
  stop(): void;
}

/** The headers Chatwoot sends with `body`, signed with `secret` when given. */
export function webhookHeaders(body: string, secret?: string, now: Date = new Date()): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/json",
    "X-Chatwoot-Delivery": crypto.randomUUID(),
  };
  if (secret) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    headers["X-Chatwoot-Timestamp"] = timestamp;
    headers["X-Chatwoot-Signature"] = `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  }
  return headers;
}

export function startWebhooks(simulator: Pick<Simulator, "onEvent">, options: WebhookOptions): WebhookEmitter {
  const target = new URL(options.url); // throws on a bad URL now rather than on the first event
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error(`webhook URL must be http(s): ${target.protocol}`);
  const timeoutMs = options.timeoutMs ?? 5000;
  let queue: Promise<void> = Promise.resolve();

  const deliver = async (event: SimulatorEvent) => {
    options.onPayload?.(event);
    const body = JSON.stringify(event.payload);
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: webhookHeaders(body, options.secret),
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) options.onError?.(`webhook ${event.event} to ${target.origin}${target.pathname}: HTTP ${response.status}`, event);
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      options.onError?.(`webhook ${event.event} to ${target.origin}${target.pathname}: ${reason}`, event);
    }
  };

  const unsubscribe = simulator.onEvent((event) => {
    queue = queue.then(() => deliver(event));
  });
  return {
    idle: () => queue,
    stop: unsubscribe,
  };
}
