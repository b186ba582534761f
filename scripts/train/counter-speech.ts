/**
 * Synthetic counter-speech: hateful statements from the training sets wrapped in frames that
 * reject, negate, report or quote them, labelled hate = 0 (all other labels masked).
 *
 * Why: a bag of n-grams sees the same words in "immigrants are vermin" and in "saying immigrants
 * are vermin is wrong". Real counter-speech (CONAN) mostly answers without restating the insult,
 * so the model never learns that a rejecting frame flips the meaning. These pairs teach it, like
 * the adult-age counterfactuals teach the grooming model. Frames are our own wording.
 */
import type { Row } from './data';
import { LABELS } from '../../src/classifier/types';

export const FRAMES: Record<'en' | 'de', string[]> = {
  en: [
    'It is not true that {s}',
    'I do not agree that {s}',
    'No one should ever say "{s}"',
    'Saying "{s}" is hateful and wrong.',
    '"{s}" - that is prejudice, plain and simple.',
    'Stop spreading lies like "{s}"',
    'Someone in my class wrote "{s}" and I reported it.',
    'People who say {s} are just ignorant.',
    'I cannot believe someone posted "{s}". Hate has no place here.',
    'He said {s}, which is simply bigotry.',
    'Statements like "{s}" hurt real people.',
    'You have to stop saying things like "{s}"',
    'So you think {s}? That is a stereotype, not a fact.',
    'Why do people still believe that {s}? It is false.',
  ],
  de: [
    'Es stimmt nicht, dass {s}',
    'Wer sagt "{s}", verbreitet Hass.',
    'Hör auf mit Sprüchen wie "{s}"',
    'Jemand hat "{s}" geschrieben und ich habe es gemeldet.',
    'Sätze wie "{s}" verletzen echte Menschen.',
    'Ich finde es falsch zu behaupten, {s}',
  ],
};

/** Which sources supply hateful statements per language (short, clean statements work best). */
const SUPPLY: Record<'en' | 'de', string> = { en: 'conan-counterspeech', de: 'germeval2018' };

export function counterSpeechRows(rows: Row[], rand: () => number, perLang: number): Row[] {
  const out: Row[] = [];
  for (const lang of ['en', 'de'] as const) {
    const hi = LABELS.indexOf('hate');
    const pool = rows.filter((r) => r.source === SUPPLY[lang] && r.lang === lang && r.y[hi] === 1 && r.text.length >= 15 && r.text.length <= 220 && !r.text.includes('\n'));
    const frames = FRAMES[lang];
    for (let i = 0; i < perLang && pool.length; i++) {
      const r = pool[Math.floor(rand() * pool.length)]!;
      const frame = frames[Math.floor(rand() * frames.length)]!;
      const stmt = r.text.trim().replace(/[.!]+$/u, '');
      const s = frame.includes('"{s}"') ? stmt : stmt.charAt(0).toLowerCase() + stmt.slice(1);
      out.push({
        id: `counter-speech:${lang}:${i}`,
        text: frame.replace('{s}', s),
        lang,
        source: 'synthetic-counter-speech',
        y: LABELS.map((l) => (l === 'hate' ? 0 : null)),
      });
    }
  }
  return out;
}
