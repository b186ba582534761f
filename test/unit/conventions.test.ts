import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && statSync(path.join(abs, f)).isFile())
    .map((f) => path.join(dir, f));
}
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may name anything

describe('house conventions (STYLE.md §9)', () => {
  it('keeps src/classifier and src/rules pure: no browser, DOM or platform APIs', () => {
    const offenders = [...files('src/classifier'), ...files('src/rules')]
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('node-source.ts'))
      .filter((f) => /(?<![.\w$])(document|window|chrome|browser)\.|from ['"](wxt|webextension-polyfill|node:)/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('imports browser only from wxt/browser', () => {
    const offenders = [...files('src'), ...files('entrypoints')].filter((f) => /from ['"]webextension-polyfill['"]/.test(read(f)) && !/import type/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('keeps entrypoints thin', () => {
    const fat = files('entrypoints').filter((f) => read(f).split('\n').length > 120);
    expect(fat).toEqual([]);
  });

  it('gives every content-script entrypoint a Test URLs block', () => {
    const scripts = files('entrypoints').filter((f) => /(^|\/)(content|[^/]+\.content)(\/index)?\.tsx?$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(read(f), f).toMatch(/Test URLs:/);
  });

  it('never writes page text as HTML', () => {
    const offenders = [...files('src'), ...files('entrypoints')].filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML/.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
