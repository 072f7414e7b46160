import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DiffuseDb } from '../../entrypoints/background/store/db';
import { fakeDynamicRules } from './fake-dynamic-rules';

/**
 * For a test file of background services: before each test a fresh fakeBrowser with dynamic DNR rules
 * (fake-dynamic-rules.ts) and a database of its own over fake IndexedDB; after it, the spies go and the database
 * is deleted. Call at the top of the file; read `db()` and `dnr()` inside a test.
 */
export function useBackgroundTestBed(name: string) {
  let n = 0;
  let db: DiffuseDb | undefined;
  let dnr: ReturnType<typeof fakeDynamicRules> | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    dnr = fakeDynamicRules();
    db = new DiffuseDb(`${name}-${++n}`);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db?.delete();
  });
  return { db: () => db!, dnr: () => dnr! };
}
