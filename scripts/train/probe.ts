/**
 * Functional probe: hand-written sentences (our own, en + de) that check behaviours a bag of
 * n-grams gets wrong easily: negated hate, counter-speech and quoting, abuse of non-protected
 * targets, profanity that is not abuse, identity mentions that are not hate, insults that are
 * bullying but not hate, and teen-style harassment vs friendly chat.
 *
 * It is a smoke signal for comparing training runs (a few dozen cases, no statistics), not a
 * benchmark, and it is never used for fitting or for thresholds. Reported in metrics.json.
 */
import { LABELS } from '../../src/classifier/types';
import { rocAuc, round } from './metrics';

export interface ProbeCase {
  text: string;
  y: 0 | 1;
  group: string;
}

const HATEFUL = [
  'I hate all Muslims, they should leave our country',
  'Immigrants are vermin and should be deported',
  'Women are too stupid to be allowed to vote',
  'Gay people are disgusting and sick',
  'Black people are animals',
  'All Jews are greedy liars',
  'Trans people are freaks and mentally ill',
  'Disabled people are a burden and should not exist',
  'Refugees are rapists and criminals, every single one of them',
  'We should get rid of all the gypsies',
  'Muslims are terrorists',
  'Women belong in the kitchen and nowhere else',
  'I cant stand gay people, they make me sick',
  'Those immigrants are parasites living off our taxes',
  'All immigrants should be shot at the border',
  'muzlims are terr0rists',
  'g a y people are d i s g u s t i n g',
  'Die Flüchtlinge sind alle Verbrecher und Schmarotzer',
  'Ausländer raus, die gehören nicht hierher',
  'Muslime sind Terroristen und Vergewaltiger',
  'Frauen sind zu dumm zum Denken',
];

const NOT_HATEFUL: Array<[string, string]> = [
  ['negation', 'I dont hate Muslims at all'],
  ['negation', 'Immigrants are not vermin, they are our neighbours'],
  ['negation', 'It is not true that women are stupid'],
  ['negation', 'Gay people are not disgusting'],
  ['negation', 'I would never say that black people are animals'],
  ['negation', 'No, refugees are not criminals'],
  ['negation', 'Ich hasse keine Ausländer'],
  ['counter-speech', 'Saying that immigrants are vermin is hateful and wrong'],
  ['counter-speech', 'If you think all Muslims are terrorists you need to meet more people'],
  ['counter-speech', 'He called Jews greedy liars and he was rightly banned'],
  ['counter-speech', 'Stop saying trans people are freaks, it is cruel'],
  ['counter-speech', '"Women are too stupid to vote" is a disgusting thing to say'],
  ['counter-speech', 'People who say gay people are sick are just ignorant'],
  ['counter-speech', 'Wer sagt, Flüchtlinge seien Verbrecher, verbreitet Hass'],
  ['non-protected target', 'I hate Mondays so much'],
  ['non-protected target', 'Spiders are disgusting'],
  ['non-protected target', 'Politicians are all liars'],
  ['non-protected target', 'Mosquitoes are parasites and should be exterminated'],
  ['non-protected target', 'Pineapple on pizza is disgusting'],
  ['profanity', 'Fuck yeah, we won the game!'],
  ['profanity', 'This song is so fucking good'],
  ['profanity', 'Shit, I forgot my keys again'],
  ['identity', 'I am a proud Muslim woman'],
  ['identity', 'My best friend is gay'],
  ['identity', 'Black history month starts today'],
  ['identity', 'Many refugees are doctors and teachers'],
  ['identity', 'Trans people deserve respect'],
  ['identity', 'Meine Nachbarn sind Flüchtlinge aus Syrien und sehr nett'],
  ['insult (bullying, not hate)', 'you are a stupid loser'],
  ['insult (bullying, not hate)', 'shut up you idiot'],
  ['insult (bullying, not hate)', 'du bist so dumm'],
  ['insult (bullying, not hate)', 'ur so ugly lol'],
];

const BULLYING = [
  'ur so ugly no wonder nobody likes u',
  'kill urself nobody would miss u',
  'you are a fat loser',
  'everyone at school hates you',
  'shut up you stupid bitch',
  'go die in a hole',
  'u r such a whore',
  'nobody wants you here, just leave',
  'you are pathetic lol',
  'your mom should have aborted you',
  'stop posting, you are embarrassing yourself, freak',
  'du bist so hässlich, niemand mag dich',
  'halt die Fresse du Opfer',
  'Du bist ein Loser und alle lachen über dich',
  'y0u @re s0 st00pid',
];

const NOT_BULLYING: Array<[string, string]> = [
  ['friendly', 'you are so pretty!'],
  ['friendly', 'what is your favourite band?'],
  ['friendly', 'thanks for the help with the homework'],
  ['friendly', 'haha that is hilarious'],
  ['friendly', 'what did you get on the math test'],
  ['friendly', 'ich finde dich echt nett'],
  ['friendly', 'Hast du morgen Zeit zum Lernen?'],
  ['negation', 'I am not calling you ugly, I love your style'],
  ['negation', 'you are not stupid, everyone makes mistakes'],
  ['negation', 'Du bist nicht dumm, das war eine schwere Aufgabe'],
  ['slang', 'this song is sick'],
  ['slang', 'that game was killer'],
  ['slang', 'I hate homework so much'],
  ['counter-speech', 'bullying is wrong, tell a teacher if someone is mean to you'],
  ['counter-speech', 'calling someone ugly is not ok'],
];

export const PROBE: Record<'hate' | 'bullying', ProbeCase[]> = {
  hate: [
    ...HATEFUL.map((text) => ({ text, y: 1 as const, group: 'hateful' })),
    ...NOT_HATEFUL.map(([group, text]) => ({ text, y: 0 as const, group })),
  ],
  bullying: [
    ...BULLYING.map((text) => ({ text, y: 1 as const, group: 'bullying' })),
    ...NOT_BULLYING.map(([group, text]) => ({ text, y: 0 as const, group })),
  ],
};

/**
 * AUC of the label's score, overall and positives vs each negative group; mean score per group.
 * `score(texts)` returns per-text probabilities aligned with LABELS.
 */
export function runProbe(score: (texts: string[]) => ArrayLike<number>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const label of ['hate', 'bullying'] as const) {
    const k = LABELS.indexOf(label);
    const cases = PROBE[label];
    const s = score(cases.map((c) => c.text)).map((p) => p[k]!);
    const res: Record<string, unknown> = { auc: round(rocAuc(s, cases.map((c) => c.y))) };
    const groups = [...new Set(cases.map((c) => c.group))];
    for (const g of groups) {
      const idx = cases.map((c, i) => (c.group === g ? i : -1)).filter((i) => i >= 0);
      const mean = idx.reduce((a, i) => a + s[i]!, 0) / idx.length;
      const entry: Record<string, number> = { mean: round(mean) };
      if (cases[idx[0]!]!.y === 0) {
        const pi = cases.map((c, i) => (c.y === 1 ? i : -1)).filter((i) => i >= 0);
        entry.auc = round(rocAuc([...pi.map((i) => s[i]!), ...idx.map((i) => s[i]!)], [...pi.map(() => 1), ...idx.map(() => 0)]));
      }
      res[g] = entry;
    }
    out[label] = res;
  }
  return out;
}
