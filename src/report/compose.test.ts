import { describe, expect, it } from 'vitest';
import { composeReport, type ReportChoice } from './compose';
import { buildReport, verifyReport } from './build';

const draft = {
  kind: 'image' as const,
  url: 'https://chat.example/room',
  targetUrl: 'https://cdn.example/img.jpg',
  title: 'Room',
  text: 'hello',
  context: ['a', 'b', 'c'],
  author: { handle: '@x' },
  scores: { bullying: 0.5 },
  modelVersion: 'm1',
};
const choice: ReportChoice = {
  category: 'bullying',
  title: false,
  message: true,
  context: [true, false, true],
  author: false,
  scores: true,
  contact: false,
  screenshot: null,
  childWords: 'mine',
  destination: { kind: 'save', id: 'save' },
};

describe('composeReport', () => {
  it('keeps only what the child kept', async () => {
    const input = composeReport(draft, choice, { country: 'de', language: 'de', contact: { name: 'P', email: 'e', phone: '' } }, new Date('2026-11-22T10:00:00Z'));
    expect(input.subject).toEqual({ kind: 'image', urls: ['https://cdn.example/img.jpg', 'https://chat.example/room'], title: '' });
    expect(input.context).toEqual(['a', 'c']);
    expect(input.author).toBeNull();
    expect(input.contact).toBeNull();
    expect(input.classifier).toEqual({ scores: { bullying: 0.5 }, modelVersion: 'm1' });
    const report = await buildReport(input);
    expect(report.reporter).toEqual({ country: 'DE', language: 'de' });
    expect(await verifyReport(report)).toEqual([]);
  });
  it('includes the contact only when the child ticked it', () => {
    const input = composeReport(draft, { ...choice, contact: true }, { country: 'DE', language: 'de', contact: { name: 'P', email: 'e', phone: '' } }, new Date());
    expect(input.contact).toEqual({ name: 'P', email: 'e', phone: '' });
  });
});
