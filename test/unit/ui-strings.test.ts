import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Convention test: components never hard-code user-facing text. Every word a person reads comes from the
 * `_locales` catalogs through `t(...)`, so all seven languages stay complete. Heuristic, on the TSX syntax tree:
 * JSX text with letters, user-facing attributes (aria-label, title, alt, placeholder, label) given a literal with
 * letters, and literal sentences placed directly in JSX, are all reported with file and line.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['src/ui', 'entrypoints'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label']);
const LETTERS = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const full = path.join(abs, name);
    if (statSync(full).isDirectory()) return tsxFiles(path.join(dir, name));
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path.join(dir, name)] : [];
  });
}

export function hardCodedStrings(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTERS.test(node.text.trim())) found.push(`${at(node)} text "${node.text.trim().slice(0, 60)}"`);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (LETTERS.test(node.initializer.text)) found.push(`${at(node)} ${node.name.getText(sf)}="${node.initializer.text.slice(0, 60)}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression))) {
      const text = node.expression.text;
      if (LETTERS.test(text) && /\s/.test(text.trim()) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        found.push(`${at(node)} literal "${text.slice(0, 60)}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no hard-coded user-facing strings in components', () => {
  it('flags what it should (self-test of the heuristic)', () => {
    const sample = `const A = () => <div title="Close me" aria-label={t('x')}>Hello there<span>{'Two words'}</span>{t('ok')} 🔒 · {n}</div>;`;
    expect(hardCodedStrings('a.tsx', sample)).toEqual(['a.tsx:1 title="Close me"', 'a.tsx:1 text "Hello there"', 'a.tsx:1 literal "Two words"']);
  });

  it('finds none in src/ui and entrypoints', () => {
    const files = DIRS.flatMap(tsxFiles);
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((f) => hardCodedStrings(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found.join('\n')).toBe('');
  });
});
