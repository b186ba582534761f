/**
 * A small schema guard for data that crosses a trust boundary: runtime messages, imported settings files,
 * managed policy, report bodies. Each validator returns the value typed, or a list of problems with their path,
 * so a caller can answer with a clear error instead of acting on malformed input.
 */
export type Check<T> = (value: unknown, path: string) => CheckResult<T>;
export type CheckResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };
export type Infer<C> = C extends Check<infer T> ? T : never;

const ok = <T>(value: T): CheckResult<T> => ({ ok: true, value });
const fail = (path: string, message: string): CheckResult<never> => ({ ok: false, errors: [`${path || 'value'}: ${message}`] });

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

export function string(opts: { min?: number; max?: number; pattern?: RegExp } = {}): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `expected a string, got ${describe(value)}`);
    if (opts.min !== undefined && value.length < opts.min) return fail(path, `must have at least ${opts.min} characters`);
    if (opts.max !== undefined && value.length > opts.max) return fail(path, `must have at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(value)) return fail(path, `does not match ${opts.pattern}`);
    return ok(value);
  };
}

export function number(opts: { min?: number; max?: number; integer?: boolean } = {}): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `expected a finite number, got ${describe(value)}`);
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'must be an integer');
    if (opts.min !== undefined && value < opts.min) return fail(path, `must be ≥ ${opts.min}`);
    if (opts.max !== undefined && value > opts.max) return fail(path, `must be ≤ ${opts.max}`);
    return ok(value);
  };
}

export const boolean = (): Check<boolean> => (value, path) =>
  typeof value === 'boolean' ? ok(value) : fail(path, `expected a boolean, got ${describe(value)}`);

export function literal<const T extends string | number | boolean>(...options: T[]): Check<T> {
  return (value, path) =>
    options.includes(value as T) ? ok(value as T) : fail(path, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
}

export function array<T>(item: Check<T>, opts: { max?: number } = {}): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `expected an array, got ${describe(value)}`);
    if (opts.max !== undefined && value.length > opts.max) return fail(path, `must have at most ${opts.max} items`);
    const out: T[] = [];
    const errors: string[] = [];
    value.forEach((v, i) => {
      const r = item(v, `${path}[${i}]`);
      if (r.ok) out.push(r.value);
      else errors.push(...r.errors);
    });
    return errors.length ? { ok: false, errors } : ok(out);
  };
}

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? (undefined extends T ? K : never) : never }[keyof S];
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/** A plain object with exactly these keys (unknown keys are an error: they usually mean a typo or a newer schema). */
export function object<S extends Shape>(shape: S, opts: { allowUnknown?: boolean } = {}): Check<ObjectOf<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, `expected an object, got ${describe(value)}`);
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const [key, check] of Object.entries(shape)) {
      const r = check(input[key], path ? `${path}.${key}` : key);
      if (r.ok) {
        if (r.value !== undefined) out[key] = r.value;
      } else errors.push(...r.errors);
    }
    if (!opts.allowUnknown) {
      for (const key of Object.keys(input)) if (!(key in shape)) errors.push(`${path ? `${path}.${key}` : key}: unknown field`);
    }
    return errors.length ? { ok: false, errors } : ok(out as ObjectOf<S>);
  };
}

export function record<K extends string, T>(keys: readonly K[], item: Check<T>): Check<Record<K, T>> {
  return object(Object.fromEntries(keys.map((k) => [k, item])) as Record<K, Check<T>>) as unknown as Check<Record<K, T>>;
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? ok(undefined) : check(value, path));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? ok(null) : check(value, path));
}

export function oneOf<T>(...checks: Check<T>[]): Check<T> {
  return (value, path) => {
    const errors: string[] = [];
    for (const check of checks) {
      const r = check(value, path);
      if (r.ok) return r;
      errors.push(...r.errors);
    }
    return { ok: false, errors };
  };
}

export const unknownValue = (): Check<unknown> => (value) => ok(value);

/** Validates and throws a readable error; for call sites where a bad value is a programming error. */
export function parse<T>(check: Check<T>, value: unknown, what = 'value'): T {
  const r = check(value, '');
  if (!r.ok) throw new TypeError(`Invalid ${what}: ${r.errors.slice(0, 5).join('; ')}`);
  return r.value;
}
