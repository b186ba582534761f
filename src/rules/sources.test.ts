import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_CATEGORIES } from './categories';
import { LIST_SOURCES, rulesetNotice } from './sources';

describe('ruleset provenance', () => {
  it('names a source and license for every list category', () => {
    for (const c of LIST_CATEGORIES) expect(LIST_SOURCES[c].license, c).toBeTruthy();
  });

  it('credits UT1 under CC BY-SA 4.0 in the shipped notice and in NOTICE', () => {
    const ut1 = LIST_CATEGORIES.filter((c) => LIST_SOURCES[c].license.startsWith('CC BY-SA 4.0'));
    expect(ut1.sort()).toEqual(['dating', 'gambling', 'hate', 'malware', 'weapons']);
    const notice = rulesetNotice();
    for (const c of ut1) expect(notice).toMatch(new RegExp(`^${c}: UT1 blacklists, Université Toulouse Capitole \\(Fabrice Prigent\\)`, 'm'));
    const file = readFileSync(resolve(import.meta.dirname, '../../NOTICE'), 'utf8');
    expect(file).toContain('Université Toulouse Capitole (Fabrice Prigent)');
    expect(file).toContain('CC BY-SA 4.0');
  });
});
