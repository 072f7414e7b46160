import { AnswerMemory } from '@/utils/cname/answer-memory';
import { browserAnswer, poolAnswer, type NameAnswer } from '@/utils/cname/name-answer';
import type { DnsService } from '../dns/dns-service';
import type { AnswerStore } from '../store/answer-store';
import { browserResolver } from './browser-resolver';

/** Saved at most this long after an answer, so a page's lookups cost one write. */
const SAVE_DELAY_MS = 1_000;

/**
 * Where uncloaking's lookups go: an answer still fresh from before (kept across a stopped worker), else the
 * companion while it relays the browser's lookups, else Firefox's own resolver when the user has not chosen the
 * pool (dns-settings.ts `lookupsVia`), else the resolver pool on behalf of the page's site.
 */
export function createNameResolver(deps: {
  dns: DnsService;
  store: AnswerStore;
  now: () => number;
  /**
   * While the companion relays the browser's own lookups: its resolver. Firefox's dns.resolve fails behind a proxy
   * (MDN `dns`), and asking the companion puts the answer in the cache its CONNECT reads next: one lookup, not two.
   */
  relay: () => ((name: string, site: string) => Promise<NameAnswer>) | null;
}) {
  const inBrowser = browserResolver();
  let memory: AnswerMemory | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer || !memory) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (memory) void deps.store.save(memory.toJSON()).catch((error: unknown) => console.error('Diffuse: could not keep recent lookups', error));
    }, SAVE_DELAY_MS);
  };
  return {
    /** Reads the kept answers; until they are read, lookups go out as if none were kept (nothing waits on storage). */
    start(): void {
      deps.store.load().then(
        (json) => void (memory = AnswerMemory.fromJSON(json, deps.now())),
        () => void (memory = new AnswerMemory()),
      );
    },
    /**
     * Forgets the kept answers of the hosts `drop` names (a forgotten site's, or all when history is deleted) and
     * stores what is left at once: the names say where the user went.
     */
    async forget(drop: (host: string) => boolean): Promise<void> {
      memory ??= AnswerMemory.fromJSON(await deps.store.load(), deps.now());
      if (memory.forgetHosts(drop) > 0) await deps.store.save(memory.toJSON());
    },
    async resolve(name: string, site: string): Promise<NameAnswer> {
      const kept = memory?.get(name, deps.now());
      if (kept) return kept;
      const relay = deps.relay();
      const answer = relay
        ? await relay(name, site)
        : inBrowser && (await deps.dns.lookupsVia()) === 'browser'
          ? browserAnswer(name, await inBrowser(name))
          : poolAnswer(await deps.dns.resolve({ name, site }));
      memory?.put(name, answer, deps.now());
      save();
      return answer;
    },
  };
}
