import { describe, expect, it } from 'vitest';
import schema from './schema.json';
import { CATEGORY_RULES, REPORT_CATEGORIES, suggestCategory } from './categories';
import { checkReport } from './check';
import { buildReport, localIso, verifyReport } from './build';
import { canonicalJson, sha256Hex } from './hash';
import { EVIDENCE_TYPES, SUBJECT_KINDS, type Report } from './types';
import { PNG, sampleInput } from './testing';

/** A tiny JSON Schema evaluator (the keywords schema.json uses), so the published schema is tested, not just read. */
function schemaErrors(s: any, value: any, path = '$'): string[] {
  const errs: string[] = [];
  const type = (v: any) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errs.push(`${path}: const`);
  if (s.enum && !s.enum.some((e: any) => e === value)) errs.push(`${path}: enum`);
  if (s.type) {
    const t = type(value);
    if (!(t === s.type || (s.type === 'number' && t === 'integer'))) return [...errs, `${path}: type ${s.type}`];
  }
  if (s.not && schemaErrors(s.not, value, path).length === 0) errs.push(`${path}: not`);
  if (s.oneOf && s.oneOf.filter((x: any) => schemaErrors(x, value, path).length === 0).length !== 1) errs.push(`${path}: oneOf`);
  for (const sub of s.allOf ?? []) {
    if (sub.if && schemaErrors(sub.if, value, path).length === 0 && sub.then) errs.push(...schemaErrors(sub.then, value, path));
  }
  if (typeof value === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) errs.push(`${path}: pattern`);
    if (s.maxLength !== undefined && value.length > s.maxLength) errs.push(`${path}: maxLength`);
    if (s.minLength !== undefined && value.length < s.minLength) errs.push(`${path}: minLength`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errs.push(`${path}: minimum`);
    if (s.maximum !== undefined && value > s.maximum) errs.push(`${path}: maximum`);
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > s.maxItems) errs.push(`${path}: maxItems`);
    if (s.minItems !== undefined && value.length < s.minItems) errs.push(`${path}: minItems`);
    if (s.items) value.forEach((v, i) => errs.push(...schemaErrors(s.items, v, `${path}[${i}]`)));
  } else if (value && typeof value === 'object') {
    for (const r of s.required ?? []) if (!(r in value)) errs.push(`${path}.${r}: required`);
    if (s.maxProperties !== undefined && Object.keys(value).length > s.maxProperties) errs.push(`${path}: maxProperties`);
    for (const [k, v] of Object.entries(value)) {
      if (s.propertyNames) errs.push(...schemaErrors(s.propertyNames, k, `${path}.${k}`));
      if (s.properties?.[k]) errs.push(...schemaErrors(s.properties[k], v, `${path}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${path}.${k}: additional`);
      else if (typeof s.additionalProperties === 'object') errs.push(...schemaErrors(s.additionalProperties, v, `${path}.${k}`));
    }
  }
  return errs;
}

const clone = (r: Report): any => structuredClone(r);

describe('report format', () => {
  it('builds a report that passes the TS guard, the JSON Schema and every hash', async () => {
    const report = await buildReport(sampleInput());
    expect(checkReport(report, '').ok).toBe(true);
    expect(schemaErrors(schema, report)).toEqual([]);
    expect(await verifyReport(report)).toEqual([]);
    expect(report.evidence.map((e) => e.type)).toEqual(['message', 'context', 'author', 'screenshot']);
    expect(report.reporter).toEqual({ country: 'DE', language: 'de' });
    expect(report.goodFaith.confirmed).toBe(true);
    expect(report.createdAt).toBe('2026-11-22T19:00:00.000Z');
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hashes each evidence item over its exact bytes, and the report over canonical JSON', async () => {
    const report = await buildReport(sampleInput());
    const message = report.evidence.find((e) => e.type === 'message')!;
    expect(message.sha256).toBe(await sha256Hex('nobody likes you, just leave'));
    const shot = report.evidence.find((e) => e.type === 'screenshot')!;
    expect(shot.sha256).toBe(await sha256Hex(Uint8Array.from(Buffer.from(PNG, 'base64'))));
    const { integrity, ...rest } = report;
    expect(integrity.sha256).toBe(await sha256Hex(canonicalJson(rest)));
    // Known vector: SHA-256("abc").
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }], ä: 'x' })).toBe('{"a":[{"d":2}],"b":1,"ä":"x"}');
  });

  it('detects tampering with an item or the report', async () => {
    const report = await buildReport(sampleInput());
    const a = clone(report);
    a.evidence[0].content = 'edited';
    expect(await verifyReport(a)).toContain('evidence[0].sha256: does not match the content');
    const b = clone(report);
    b.subject.title = 'edited';
    expect(await verifyReport(b)).toEqual(['integrity.sha256: does not match the report']);
  });

  it('CSAM: URL only, whatever the caller passed', async () => {
    const report = await buildReport(sampleInput({ category: 'csam' }));
    expect(report.evidence).toEqual([]);
    expect(report.classifier).toBeNull();
    expect(JSON.stringify(report)).not.toContain(PNG);
    expect(JSON.stringify(report)).not.toContain('nobody likes you');
    expect(report.subject.urls).toEqual(['https://chat.example/room/1']);
    expect(await verifyReport(report)).toEqual([]);
    expect(schemaErrors(schema, report)).toEqual([]);
    // A forged CSAM report carrying a screenshot is refused by both the guard and the schema.
    const forged = clone(await buildReport(sampleInput()));
    forged.category = 'csam';
    const r = checkReport(forged, '');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join()).toMatch(/no screenshot may be sent|URL only/);
    expect(schemaErrors(schema, forged).length).toBeGreaterThan(0);
  });

  it('sextortion keeps the text but never a screenshot', async () => {
    const report = await buildReport(sampleInput({ category: 'sextortion' }));
    expect(report.evidence.map((e) => e.type)).toEqual(['message', 'context', 'author']);
    expect(report.legal.ncmec).toEqual({ incidentType: 'Online Enticement of Children for Sexual Act', annotations: ['sextortion'], escalateToHighPriority: true });
  });

  it('includes contact details only when passed (parent configured + child opted in)', async () => {
    const without = await buildReport(sampleInput({ contact: null }));
    expect('contact' in without.reporter).toBe(false);
    const withContact = await buildReport(sampleInput({ contact: { name: 'A Parent', email: 'p@example.org', phone: '' } }));
    expect(withContact.reporter.contact?.email).toBe('p@example.org');
    expect(await verifyReport(withContact)).toEqual([]);
  });

  it('drops non-http URLs and keeps at least the page URL', async () => {
    const report = await buildReport(sampleInput({ subject: { kind: 'link', urls: ['javascript:alert(1)', 'https://a.example/x', 'https://a.example/x'], title: '' } }));
    expect(report.subject.urls).toEqual(['https://a.example/x']);
  });

  it('guard and schema agree on rejections', async () => {
    const good = await buildReport(sampleInput());
    const mutations: Array<(r: any) => void> = [
      (r) => (r.id = 'not-a-uuid'),
      (r) => (r.category = 'spam'),
      (r) => (r.subject.urls = []),
      (r) => (r.subject.urls = ['ftp://x']),
      (r) => (r.reporter.country = 'de'),
      (r) => (r.extra = 1),
      (r) => delete r.goodFaith,
      (r) => (r.goodFaith.confirmed = false),
      (r) => (r.classifier.scores.bullying = 2),
      (r) => (r.evidence[0].sha256 = 'xyz'),
      (r) => (r.evidence[0].type = 'video'),
      (r) => (r.createdAt = '2026-11-22 19:00'),
      (r) => (r.schemaVersion = 2),
    ];
    for (const mutate of mutations) {
      const r = clone(good);
      mutate(r);
      expect(checkReport(r, '').ok, String(mutate)).toBe(false);
      expect(schemaErrors(schema, r).length, String(mutate)).toBeGreaterThan(0);
    }
  });

  it('schema enums match the TypeScript constants', () => {
    expect(schema.properties.category.enum).toEqual([...REPORT_CATEGORIES]);
    expect(schema.properties.subject.properties.kind.enum).toEqual([...SUBJECT_KINDS]);
    expect(schema.properties.evidence.items.properties.type.enum).toEqual([...EVIDENCE_TYPES]);
  });

  it('local time carries the offset', () => {
    expect(localIso(new Date('2026-11-22T19:00:00.000Z'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });
});

describe('category mapping', () => {
  it('maps every category to a DSA reason, an NCMEC mapping and an audience', () => {
    for (const c of REPORT_CATEGORIES) {
      const rules = CATEGORY_RULES[c];
      expect(rules.dsaReason.length, c).toBeGreaterThan(20);
      expect(rules.audiences.length, c).toBeGreaterThan(0);
      if (rules.urlOnly) expect(rules.screenshot).toBe(false);
    }
    expect(CATEGORY_RULES.csam.ncmec.incidentType).toBe('Child Pornography');
    expect(CATEGORY_RULES.csam.urlOnly).toBe(true);
    expect(CATEGORY_RULES.grooming.ncmec.incidentType).toBe('Online Enticement of Children for Sexual Act');
    expect(CATEGORY_RULES.sextortion.ncmec.annotations).toContain('sextortion');
    expect(CATEGORY_RULES.bullying.ncmec.incidentType).toBeNull();
    expect(CATEGORY_RULES.csam.audiences).toEqual(['hotline']);
  });
  it('never guesses CSAM from a classifier label', () => {
    expect(suggestCategory('sexual')).toBeNull();
    expect(suggestCategory('grooming')).toBe('grooming');
  });
});
