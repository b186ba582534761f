/** Shared test data for the report tests (not imported by shipped code). */
import type { ReportInput } from './build';

// A 1×1 PNG.
export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export function sampleInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    now: new Date('2026-11-22T19:00:00.000Z'),
    country: 'DE',
    language: 'de',
    category: 'bullying',
    subject: { kind: 'message', urls: ['https://chat.example/room/1'], title: 'Class chat' },
    message: 'nobody likes you, just leave',
    context: ['hi', 'why are you here'],
    author: { handle: '@mean_kid', profileUrl: 'https://chat.example/u/mean_kid' },
    screenshot: { dataUrl: `data:image/png;base64,${PNG}`, capturedAt: '2026-11-22T18:59:59.000Z' },
    classifier: { scores: { bullying: 0.93, threat: 0.1 }, modelVersion: 'haven-text-1.0.0' },
    childWords: 'They say this every day.',
    ...over,
  };
}

