/**
 * A small path-aware validator for JSON that users hand us (settings files) or that we hand others (history
 * exports). No schema library: the shapes are small, and every refusal must name the field, e.g.
 * `policies[2].mode: expected one of "default", "off", "strict", got "of"`.
 */
export class FieldError extends Error {
  override readonly name = 'FieldError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path === '' ? problem : `${path}: ${problem}`);
  }
}

/** How a value reads in a message: short, and never the whole of a large value. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

export function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FieldError(path, `expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new FieldError(path, `expected a list, got ${describe(value)}`);
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new FieldError(path, `expected text, got ${describe(value)}`);
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new FieldError(path, `expected true or false, got ${describe(value)}`);
  return value;
}

/** A finite number within [min, max]; `integer` refuses fractions. */
export function number(value: unknown, path: string, range: { min?: number; max?: number; integer?: boolean } = {}): number {
  const { min = -Infinity, max = Infinity, integer = false } = range;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldError(path, `expected a number, got ${describe(value)}`);
  if (integer && !Number.isInteger(value)) throw new FieldError(path, `expected a whole number, got ${describe(value)}`);
  if (value < min || value > max) throw new FieldError(path, `expected a number from ${min} to ${max}, got ${describe(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, choices: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new FieldError(path, `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/** `value` or null; anything else is refused by `check`. */
export function nullable<T>(value: unknown, path: string, check: (v: unknown, path: string) => T): T | null {
  return value === null ? null : check(value, path);
}

/** Keys the shape does not know are refused, so a typo ("retentionDay") is reported instead of ignored. */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new FieldError(at(path, key), `unknown field (expected ${allowed.join(', ')})`);
}
