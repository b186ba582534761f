import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, featurize, featuresOfNormalized, fnv1a, tokenize } from './features';
import { adultify, analyzeMessages, chunkMessages, detectCues, hasAdultAge, hasMinorAge, parseConversation, windowTexts, CONV_FEATURE_NAMES, CONV_FEATURE_SIGNS } from './conversation';
import { CUE_KINDS } from './types';
import { fitConvModel } from '../../scripts/train/pipeline';
import { normalizeText } from './normalize';

describe('featurization', () => {
  it('hashes deterministically with a fixed FNV-1a', () => {
    expect(fnv1a(1, 'stupid')).toBe(fnv1a(1, 'stupid'));
    expect(fnv1a(1, 'stupid')).not.toBe(fnv1a(2, 'stupid'));
    expect(fnv1a(1, 'abc')).toBe(3924997595);
  });
  it('tokenizes words, keeps ? and !', () => {
    expect(tokenize("how old r u? don't lie!")).toEqual(['how', 'old', 'r', 'u', '?', "don't", 'lie', '!']);
  });
  it('emits bias, word, bigram and char n-gram ids in range', () => {
    const f = featuresOfNormalized('you idiot');
    const B = DEFAULT_FEATURE_CONFIG.buckets;
    expect(f.every((i) => Number.isInteger(i) && i >= 0 && i < B)).toBe(true);
    // 1 bias + 2 words + 1 bigram + char grams of <you> (3:3,4:2,5:1) and <idiot> (3:5,4:4,5:3)
    expect(f.length).toBe(1 + 2 + 1 + 6 + 12);
  });
  it('gives evasions the same features as the plain spelling', () => {
    const plain = featurize('you are stupid');
    for (const t of ['YOU ARE ＳＴＵＰＩＤ', 'you are st\u200bupid', 'you are ѕtupіd', 'you are s t u p i d', 'you are stuuuupid', 'you are $tupid']) {
      expect(featurize(t)).toEqual(plain);
    }
  });
  it('marks up to three words after a negator when negation is on, and only then', () => {
    const neg = { ...DEFAULT_FEATURE_CONFIG, negation: true };
    const plain = featuresOfNormalized('they are vermin', neg);
    const negated = featuresOfNormalized('they are not vermin', neg);
    // "not vermin" adds the word "not", a bigram, its char grams and one negated "vermin"
    const withoutNeg = featuresOfNormalized('they are not vermin');
    expect(negated.length).toBe(withoutNeg.length + 1);
    expect(negated.filter((i) => !plain.includes(i) && !withoutNeg.includes(i))).toHaveLength(1);
    // the scope ends after three words and at ? or !
    expect(featuresOfNormalized('i dont like you at all', neg).length).toBe(featuresOfNormalized('i dont like you at all').length + 3);
    expect(featuresOfNormalized('not ! you', neg)).toEqual(featuresOfNormalized('not ! you'));
    expect(featuresOfNormalized("isn't nice", neg).length).toBe(featuresOfNormalized("isn't nice").length + 1);
    // "nobody" and "no one" are not negators: "nobody likes you" is an insult
    expect(featuresOfNormalized('nobody likes you', neg)).toEqual(featuresOfNormalized('nobody likes you'));
    expect(featuresOfNormalized('no one likes you', neg)).toEqual(featuresOfNormalized('no one likes you'));
    // the scope ends with the clause or line
    expect(featuresOfNormalized('i am not. you are stupid', neg)).toEqual(featuresOfNormalized('i am not. you are stupid'));
    expect(featuresOfNormalized('not really\nyou idiot', neg).length).toBe(featuresOfNormalized('not really\nyou idiot').length + 1);
  });
  it('handles empty and huge input', () => {
    expect(featurize('').length).toBe(DEFAULT_FEATURE_CONFIG.minFeatures);
    expect(new Set(featurize('')).size).toBe(1);
    const big = featurize('word '.repeat(10000));
    expect(big.length).toBeLessThan(DEFAULT_FEATURE_CONFIG.maxTokens * 20);
  });
  it('adds squeezed-word features for doubled letters', () => {
    const a = new Set(featuresOfNormalized('stuupid'));
    const b = new Set(featuresOfNormalized('stupid'));
    expect([...a].some((x) => b.has(x) && x !== featuresOfNormalized('')[0])).toBe(true);
  });
});

describe('conversation helpers', () => {
  it('parses "name: text" conversations and keeps authors', () => {
    const m = parseConversation('alice: hi\nbob: hey how old are you?\nalice: 13');
    expect(m).toEqual([{ author: 'alice', text: 'hi' }, { author: 'bob', text: 'hey how old are you?' }, { author: 'alice', text: '13' }]);
    expect(parseConversation('just one line: with a colon')).toEqual([{ text: 'just one line: with a colon' }]);
  });
  it('chunks messages by lines and chars', () => {
    expect(chunkMessages(['a', 'b', 'c', 'd', 'e'], 2, 100)).toEqual([[0, 1], [2, 3], [3, 4]]);
    expect(chunkMessages(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, 100)).toEqual([[0, 1, 2], [3, 4, 5], [4, 5, 6]]);
    expect(windowTexts(['x'.repeat(10), 'y'], 10, 8).length).toBeGreaterThan(1);
  });
  it('detects en/de grooming cues', () => {
    const n = (s: string) => detectCues(normalizeText(s));
    expect(n('how old are you?')).toContain('age');
    expect(n('wie alt bist du')).toContain('age');
    expect(n("don't tell your mom about us")).toContain('secrecy');
    expect(n('sag es niemandem, das ist unser geheimnis')).toContain('secrecy');
    expect(n('are your parents home?')).toContain('isolation');
    expect(n('send me a pic')).toContain('pictures');
    expect(n('schick mir ein foto')).toContain('pictures');
    expect(n('add me on snapchat')).toContain('private-channel');
    expect(n('wanna meet up this weekend')).toContain('meeting');
    expect(n('wir können uns treffen')).toContain('meeting');
    expect(n("i'll buy you a gift card")).toContain('gifts');
    expect(n('you are so mature for your age')).toContain('flattery');
    expect(n('du bist so hübsch')).toContain('flattery');
    expect(n('where do you live')).toContain('location');
    expect(n('wo wohnst du')).toContain('location');
    expect(n("if you don't send it i'll show everyone")).toContain('threats');
    expect(n('the weather is nice today')).toEqual([]);
  });
  it('detects stated minor vs adult ages (en/de) and rewrites them for counterfactuals', () => {
    const n = normalizeText;
    const minor: Array<[string, boolean]> = [
      ['im 13', true], ['ich bin 12 jahre alt', true], ['14/f', true], ['im 13 minutes late', false], ['im 27', false],
      // the other person's age said back to them, and a bare school year as an answer
      ['you are 11 right?', true], ['ur 13?', true], ['du bist erst 12', true], ['13 why', true], ['im thirteen', true], ['in seventh grade', true],
      ['you are 10 minutes late', false], ['you are 25', false], ["you're 10/10", false], ['ur 16 messages', false], ['you are 12 feet tall', false],
      ['du bist 12 stunden weg', false], ['ur 9:30 appointment', false], ['5th', false],
    ];
    for (const [text, expected] of minor) expect([text, hasMinorAge(n(text))]).toEqual([text, expected]);
    expect(hasAdultAge(n('27 f nyc'))).toBe(true);
    expect(hasAdultAge(n('31/m'))).toBe(true);
    expect(adultify('im 13 and in 8th grade')).toBe('im 23 and in college');
    expect(hasMinorAge(adultify(n('i am 14 yo')))).toBe(false);
    expect(hasMinorAge(adultify(n('you are 11 right?')))).toBe(false);
  });
  it('reads a bare school year as an age only as the answer to a grade question, and adult-only from two adult ages', () => {
    const analyze = (lines: string[]) => analyzeMessages(lines.map((text, i) => ({ text, author: i % 2 ? 'b' : 'a' })));
    expect(analyze(['what grade r u in', '7th']).minorAge).toBe(true);
    expect(analyze(['which floor?', '5th']).minorAge).toBe(false);
    // adults telling each other their ages
    expect(analyze(['asl?', '24 f uk', '27 m usa']).adultsOnly).toBe(true);
    // one stated adult age proves nothing: groomers state theirs
    expect(analyze(['how old r u', 'why', 'im 35', 'cool']).adultsOnly).toBe(false);
    expect(analyze(['im 35', 'im 13']).adultsOnly).toBe(false);
  });
  it('constrains the signs of the conversation model: cues only raise risk, adult-only and peer conversations only lower it', () => {
    expect(CONV_FEATURE_NAMES.every((name) => CONV_FEATURE_SIGNS[name] !== undefined)).toBe(true);
    for (const k of CUE_KINDS) expect(CONV_FEATURE_SIGNS[`cue_${k}`]).toBe(1);
    expect(CONV_FEATURE_SIGNS.minor_age).toBe(1);
    expect(CONV_FEATURE_SIGNS.adult_only).toBe(-1);
    expect(CONV_FEATURE_SIGNS.minor_peers).toBe(-1);
    // projected gradient keeps a constrained weight at 0 when the data would push it to the wrong side
    const X = [[1, 0], [1, 1], [0, 0], [0, 1]];
    const y = [0, 0, 1, 1]; // feature 0 is evidence *against*, but it is constrained to be ≥ 0
    const free = fitConvModel(X, y, () => 0.5, 300, 0);
    const signed = fitConvModel(X, y, () => 0.5, 300, 0, undefined, [1, 0]);
    expect(free.weights[0]).toBeLessThan(-0.5);
    expect(signed.weights[0]).toBe(0);
  });
});
