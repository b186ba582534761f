import { describe, expect, it } from 'vitest';
import * as v from './validate';

describe('validate', () => {
  const check = v.object({
    name: v.string({ max: 5 }),
    age: v.optional(v.number({ min: 0, integer: true })),
    tags: v.array(v.literal('a', 'b')),
    note: v.nullable(v.string()),
  });

  it('accepts a valid value and keeps optional fields out when absent', () => {
    expect(check({ name: 'Ann', tags: ['a'], note: null }, '')).toEqual({ ok: true, value: { name: 'Ann', tags: ['a'], note: null } });
  });

  it('reports every problem with its path', () => {
    const r = check({ name: 'Annabel', age: 1.5, tags: ['c'], note: 3, extra: true }, 'payload');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'payload.name: must have at most 5 characters',
      'payload.age: must be an integer',
      'payload.tags[0]: expected one of "a", "b"',
      'payload.note: expected a string, got number',
      'payload.extra: unknown field',
    ]);
  });

  it('rejects non-objects, NaN and arrays clearly', () => {
    expect(check(null, '')).toEqual({ ok: false, errors: ['value: expected an object, got null'] });
    expect(v.number()(Number.NaN, 'n')).toEqual({ ok: false, errors: ['n: expected a finite number, got number'] });
    expect(v.object({})([], 'x')).toEqual({ ok: false, errors: ['x: expected an object, got array'] });
  });

  it('parse throws a readable TypeError', () => {
    expect(() => v.parse(v.string(), 1, 'title')).toThrow('Invalid title: value: expected a string, got number');
  });
});
