import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ConversationRisk, loadClassifier, type HavenClassifier } from './index';
import { sourceFromDirectory } from './node-source';

const modelDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/model');

const GROOMING = [
  ['stranger', 'hey cutie, how old are you?'],
  ['kid', 'im 13'],
  ['stranger', 'cool, where do you live?'],
  ['kid', 'near springfield'],
  ['stranger', 'you are so mature for your age, prettier than girls my age'],
  ['stranger', 'are your parents home right now?'],
  ['kid', 'no my mom is at work'],
  ['stranger', "don't tell your mom about me ok? it's our secret"],
  ['stranger', 'add me on snapchat so we can talk private'],
  ['stranger', 'send me a pic of you in your bra'],
  ['stranger', 'i can buy you a gift card if you want'],
  ['stranger', 'wanna meet at the mall saturday? i can pick you up'],
] as const;

const FLIRTY_ADULTS = [
  ['a', 'hey there, asl?'],
  ['b', '27 f nyc, you?'],
  ['a', '29 m brooklyn haha neighbours'],
  ['b', 'nice! what do you do for fun'],
  ['a', 'climbing and cooking mostly, you?'],
  ['b', 'yoga and way too much netflix'],
  ['a', "you're cute btw, loved your profile pic"],
  ['b', 'haha thanks, you are not bad yourself ;)'],
  ['a', 'want to grab a drink friday after work?'],
  ['b', 'sure, that wine bar on 5th?'],
] as const;

const ORDINARY = [
  ['x', 'anyone know how to fix the wifi driver on ubuntu?'],
  ['y', 'try sudo apt install firmware-iwlwifi'],
  ['x', 'thanks that worked'],
  ['z', 'good morning all'],
] as const;

let clf: HavenClassifier;
beforeAll(async () => {
  clf = await loadClassifier(sourceFromDirectory(modelDir));
});
afterAll(() => clf?.dispose());

function feed(r: ConversationRisk, conv: ReadonlyArray<readonly [string, string]>): void {
  conv.forEach(([author, text], order) => r.add({ author, text, order }));
}

describe('ConversationRisk', () => {
  it('flags a grooming-like conversation and reports its cues with message indices and authors', () => {
    const r = new ConversationRisk(clf);
    feed(r, GROOMING);
    const a = r.assess();
    expect(a.flagged).toBe(true);
    const kinds = new Set(a.cues.map((c) => c.kind));
    for (const k of ['age', 'location', 'secrecy', 'isolation', 'flattery', 'pictures', 'private-channel', 'meeting', 'gifts'] as const) expect(kinds).toContain(k);
    const secrecy = a.cues.find((c) => c.kind === 'secrecy')!;
    expect(secrecy.messageIndex).toBe(7);
    expect(secrecy.author).toBe('stranger');
  });

  it('does not flag adult flirting or an ordinary chat, and ranks them below grooming', () => {
    const g = new ConversationRisk(clf);
    feed(g, GROOMING);
    const f = new ConversationRisk({ classifier: clf });
    feed(f, FLIRTY_ADULTS);
    const o = new ConversationRisk(clf);
    feed(o, ORDINARY);
    expect(f.assess().flagged).toBe(false);
    expect(o.assess().flagged).toBe(false);
    expect(g.assess().risk).toBeGreaterThan(f.assess().risk);
    expect(g.assess().risk).toBeGreaterThan(o.assess().risk);
  });

  it('orders by `order`, not arrival, and one message is not enough', () => {
    const r = new ConversationRisk(clf);
    r.add({ author: 'stranger', text: 'how old are you?', order: 0 });
    expect(r.assess().flagged).toBe(false);
    const shuffled = new ConversationRisk(clf);
    [...GROOMING].map((m, i) => [m, i] as const).reverse().forEach(([[author, text], order]) => shuffled.add({ author, text, order }));
    const inOrder = new ConversationRisk(clf);
    feed(inOrder, GROOMING);
    expect(shuffled.assess().risk).toBeCloseTo(inOrder.assess().risk, 6);
  });

  it('works without a classifier (cue-only) and on empty input', () => {
    const r = new ConversationRisk();
    expect(r.assess()).toEqual({ risk: expect.any(Number), flagged: false, cues: [] });
    feed(r, GROOMING);
    expect(r.assess().flagged).toBe(true);
    const f = new ConversationRisk();
    feed(f, FLIRTY_ADULTS);
    expect(f.assess().flagged).toBe(false);
  });

  it('does not flag two children stating their ages to each other (peer chat)', () => {
    const r = new ConversationRisk(clf);
    feed(r, [
      ['a', 'yo whats up'],
      ['b', 'nm just got home from school'],
      ['a', 'how old r u'],
      ['b', '14 u?'],
      ['a', '13 lol'],
      ['b', 'cool what games u play'],
      ['a', 'fortnite and minecraft mostly'],
      ['b', 'same!! whats ur fav skin'],
    ]);
    expect(r.assess().flagged).toBe(false);
  });

  it('flags a German grooming conversation (cue-only path) with German cues', () => {
    const r = new ConversationRisk(clf);
    feed(r, [
      ['x', 'hey süße, wie alt bist du?'],
      ['y', '13'],
      ['x', 'du bist so hübsch und reif für dein alter'],
      ['x', 'sind deine eltern zu hause?'],
      ['y', 'nein'],
      ['x', 'sag es niemandem, das ist unser geheimnis'],
      ['x', 'schick mir ein foto von dir'],
      ['x', 'wir können uns treffen, ich hol dich ab'],
    ]);
    const a = r.assess();
    expect(a.flagged).toBe(true);
    const kinds = new Set(a.cues.map((c) => c.kind));
    for (const k of ['age', 'flattery', 'isolation', 'secrecy', 'pictures', 'meeting'] as const) expect(kinds).toContain(k);
  });

  it('gives the same grooming score as classify() on the joined conversation', async () => {
    const r = new ConversationRisk(clf);
    feed(r, GROOMING);
    const [s] = await clf.classify([GROOMING.map(([a, t]) => `${a}: ${t}`).join('\n')]);
    expect(r.assess().risk).toBeCloseTo(s!.grooming, 6);
  });
});
