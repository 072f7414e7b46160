import type { Handlers, MessageType } from '@/utils/messages/contract';

/**
 * The one wiring idiom of the background (docs/architecture.md): every capability folder's index.ts exports
 * `create<Folder>Capability(deps)`, which takes what it needs from the composition root (stores, other
 * capabilities' services, packaged tables) and returns this, plus whatever services it lends to the others.
 * Building one registers nothing and sends nothing; `start()` does, in the order the composition root names.
 */
export interface Capability<K extends MessageType = never> {
  /** The contract messages this capability answers: each message type in exactly one capability. */
  readonly handlers: Pick<Handlers, K>;
  /**
   * Registers its listeners and starts its work. Called synchronously in the background's first turn, so the
   * event that woke a stopped Chrome worker finds every listener
   * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
   */
  start(): void;
}
