/**
 * Waits for `promise` at most `ms`: its value, or undefined when the bound came first (the promise goes on, and
 * its result is used next time). A rejected promise also answers undefined: a failed lookup decides nothing. The
 * timer is cleared when the promise settles first, so a call leaves nothing pending.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const settle = (value: T | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });
}
