import { describe, expect, it } from 'vitest';
import { applyAtomically, ImportUndone, type ImportStep } from './atomic-apply';

/** A step over one value in `state`; `fail` makes its apply (or restore) throw after changing the value. */
function step(state: Record<string, number>, key: string, next: number, fail: { apply?: boolean; restore?: boolean } = {}): ImportStep {
  const before = state[key] ?? 0;
  return {
    name: key,
    apply: async () => {
      state[key] = next;
      if (fail.apply) throw new Error(`${key} refused`);
    },
    restore: async () => {
      if (fail.restore) throw new Error(`${key} stuck`);
      state[key] = before;
    },
  };
}

describe('applyAtomically', () => {
  it('applies every step in order when none fails', async () => {
    const state = { a: 1, b: 2 };
    await applyAtomically([step(state, 'a', 10), step(state, 'b', 20)]);
    expect(state).toEqual({ a: 10, b: 20 });
  });

  it('puts back every step begun, the failing one included, and leaves later steps untouched', async () => {
    // Tried: the second of three steps fails after changing its value halfway.
    const state = { a: 1, b: 2, c: 3 };
    const order: string[] = [];
    const steps = [step(state, 'a', 10), step(state, 'b', 20, { apply: true }), step(state, 'c', 30)].map((s) => ({
      ...s,
      restore: async () => {
        order.push(s.name);
        await s.restore();
      },
    }));
    const error = await applyAtomically(steps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportUndone);
    expect((error as Error).message).toBe('b could not be applied (b refused), so every part of the import was put back.');
    expect(state).toEqual({ a: 1, b: 2, c: 3 });
    expect(order).toEqual(['b', 'a']);
  });

  it('says which parts could not be put back, after trying all of them', async () => {
    const state = { a: 1, b: 2 };
    const error = (await applyAtomically([step(state, 'a', 10, { restore: true }), step(state, 'b', 20, { apply: true })]).catch((e: unknown) => e)) as ImportUndone;
    expect(error.notRestored).toEqual(['a (a stuck)']);
    expect(error.message).toMatch(/and putting back the earlier settings failed for a \(a stuck\)\.$/);
    expect(state).toEqual({ a: 10, b: 2 });
  });
});
