import { describe, expect, it } from 'vitest';
import { counterSpeechRows, FRAMES } from '../../scripts/train/counter-speech';
import { PROBE } from '../../scripts/train/probe';
import { sourceGroup } from '../../scripts/train/pipeline';
import { rng, type Row } from '../../scripts/train/data';
import { LABELS } from './types';

const HI = LABELS.indexOf('hate');
const row = (source: string, lang: string, text: string, hate: 0 | 1 | null): Row => ({
  id: text, text, lang, source, y: LABELS.map((l) => (l === 'hate' ? hate : null)),
});

describe('training data transforms', () => {
  it('wraps hateful train statements in rejecting frames, labelled hate = 0 and nothing else', () => {
    const rows = [
      row('conan-counterspeech', 'en', 'Immigrants are all criminals and parasites.', 1),
      row('conan-counterspeech', 'en', 'We should welcome refugees, they enrich us.', 0),
      row('germeval2018', 'de', 'Die Flüchtlinge sind alle Schmarotzer!', 1),
      row('davidson-hate-offensive', 'en', 'some other hateful tweet from another set', 1),
    ];
    const out = counterSpeechRows(rows, rng(1), 20);
    expect(out).toHaveLength(40);
    for (const r of out) {
      expect(r.y[HI]).toBe(0);
      expect(r.y.filter((v) => v !== null)).toHaveLength(1);
      expect(r.source).toBe('synthetic-counter-speech');
    }
    const en = out.filter((r) => r.lang === 'en');
    // only hate = 1 statements of the supplying set are wrapped, never counter-speech or other sets
    expect(en.every((r) => /immigrants are all criminals and parasites/i.test(r.text))).toBe(true);
    expect(out.filter((r) => r.lang === 'de').every((r) => r.text.includes('Die Flüchtlinge sind alle Schmarotzer') || r.text.includes('die Flüchtlinge sind alle Schmarotzer'))).toBe(true);
    expect(new Set(en.map((r) => r.text)).size).toBeGreaterThan(5);
    // seeded: the same rows and seed give the same examples
    expect(counterSpeechRows(rows, rng(1), 20)).toEqual(out);
  });
  it('keeps the functional probe apart from the training frames (no probe sentence fits a frame)', () => {
    // compared as bare lowercase words, so quotes and punctuation do not hide a shared template
    const words = (t: string) => t.toLowerCase().replace(/[^\p{L}{} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
    const frames = [...FRAMES.en, ...FRAMES.de].map((f) => new RegExp('^' + words(f).split('{s}').map((p) => p.trim()).join(' ?.+ ?') + '$'));
    const fits = (t: string) => frames.some((re) => re.test(words(t)));
    expect(fits('Saying that immigrants are vermin is hateful and wrong')).toBe(true); // the check itself works
    expect([...PROBE.hate, ...PROBE.bullying].map((c) => c.text).filter(fits)).toEqual([]);
  });
  it('gives no examples when a language has no hateful statements', () => {
    expect(counterSpeechRows([row('conan-counterspeech', 'en', 'a kind reply to someone online', 0)], rng(1), 5)).toEqual([]);
  });
  it('shares one training-only bias between the two halves of Wang 2020', () => {
    expect(sourceGroup('cyberbullying-tweets-wang2020-rest')).toBe('cyberbullying-tweets-wang2020');
    expect(sourceGroup('olid-offenseval2019')).toBe('olid-offenseval2019');
  });
});
