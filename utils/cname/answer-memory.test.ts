import { describe, expect, it } from 'vitest';
import { AnswerMemory } from './answer-memory';
import type { NameAnswer } from './name-answer';

const answer = (ttl: number): NameAnswer => ({ cnameChain: ['x.omtrdc.net'], addresses: ['192.0.2.1'], ttl, via: 'pool', resolvers: ['https://r/dns'] });

describe('AnswerMemory', () => {
  it('answers for the TTL, then forgets', () => {
    const memory = new AnswerMemory();
    memory.put('m.shop.com', answer(60), 1_000);
    expect(memory.get('m.shop.com', 60_999)).toEqual(answer(60));
    expect(memory.get('m.shop.com', 61_000)).toBeUndefined();
  });

  it('survives a round trip through storage, and a restarted worker keeps only what is still fresh', () => {
    const memory = new AnswerMemory();
    memory.put('a.shop.com', answer(60), 0);
    memory.put('b.shop.com', answer(10), 0);
    const stored = JSON.parse(JSON.stringify(memory.toJSON()));
    const restored = AnswerMemory.fromJSON(stored, 20_000);
    expect(restored.get('a.shop.com', 20_000)).toEqual(answer(60));
    expect(restored.get('b.shop.com', 20_000)).toBeUndefined();
  });

  it('tried: corrupt storage (not a list, wrong shapes, a bad field) loses only the bad entries', () => {
    expect(AnswerMemory.fromJSON('garbage', 0).toJSON()).toEqual([]);
    const good = ['ok.shop.com', { answer: answer(60), expires: 60_000 }];
    const restored = AnswerMemory.fromJSON([good, 42, ['x'], ['bad.shop.com', { answer: { ...answer(60), via: 'smoke' }, expires: 60_000 }], ['y', { expires: 'soon' }]], 0);
    expect(restored.toJSON().map((e) => e[0])).toEqual(['ok.shop.com']);
  });

  it('forgets the hosts a test names (a forgotten site\'s), keeping the rest', () => {
    const memory = new AnswerMemory();
    for (const host of ['metrics.shop.com', 'static.shop.com', 'cdn.news.com']) memory.put(host, answer(60), 0);
    expect(memory.forgetHosts((host) => host.endsWith('.shop.com'))).toBe(2);
    expect(memory.toJSON().map(([host]) => host)).toEqual(['cdn.news.com']);
    expect(memory.forgetHosts(() => true)).toBe(1);
    expect(memory.toJSON()).toEqual([]);
  });

  it('keeps at most its limit, the oldest going first', () => {
    const memory = new AnswerMemory(2);
    for (const host of ['a', 'b', 'c']) memory.put(`${host}.shop.com`, answer(60), 0);
    expect(memory.toJSON().map((e) => e[0])).toEqual(['b.shop.com', 'c.shop.com']);
  });
});
