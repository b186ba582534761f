import { loadClassifier } from '../src/classifier/index';
import { sourceFromDirectory } from '../src/classifier/node-source';
import { analyzeMessages, conversationFeatures, CONV_FEATURE_NAMES, parseConversation } from '../src/classifier/conversation';
const dir = process.argv[2] ?? 'public/model';
const clf = await loadClassifier(sourceFromDirectory(dir));
const convs: Record<string, string> = {
  groom: "stranger: hey cutie, how old are you?\nkid: im 13\nstranger: cool, where do you live?\nkid: near springfield\nstranger: you are so mature for your age, prettier than girls my age\nstranger: are your parents home right now?\nkid: no my mom is at work\nstranger: don't tell your mom about me ok? it's our secret\nstranger: add me on snapchat so we can talk private\nstranger: send me a pic of you in your bra\nstranger: i can buy you a gift card if you want\nstranger: wanna meet at the mall saturday? i can pick you up",
  flirt: "a: hey there, asl?\nb: 27 f nyc, you?\na: 29 m brooklyn haha neighbours\nb: nice! what do you do for fun\na: climbing and cooking mostly, you?\nb: yoga and way too much netflix\na: you're cute btw, loved your profile pic\nb: haha thanks, you are not bad yourself ;)\na: want to grab a drink friday after work?\nb: sure, that wine bar on 5th?",
  sexyadults: "a: hi\nb: hey, 24/f here\na: 31 m, you look hot in your pic\nb: thanks ;) what are you into\na: honestly im so horny tonight\nb: lol same, tell me what you would do to me\na: kiss your neck and take off your clothes\nb: mmm go on\na: send me a pic?\nb: maybe if you send one first",
  ordinary: "x: anyone know how to fix the wifi driver on ubuntu?\ny: try sudo apt install firmware-iwlwifi\nx: thanks that worked\nz: good morning all",
  insult: "you are dumb",
};
for (const [k, t] of Object.entries(convs)) {
  const [s] = await clf.classify([t]);
  const msgs = parseConversation(t);
  const a = analyzeMessages(msgs);
  const wins = clf.windowsOf(a.normalized);
  const raw = await clf.scoreRaw(wins);
  const f = conversationFeatures(a, raw.map(r => r.grooming), raw.map(r => r.sexual));
  console.log(k, JSON.stringify(Object.fromEntries(Object.entries(s!).map(([l, v]) => [l, +v.toFixed(3)]))), 'win', raw.map(r => r.grooming.toFixed(3)).join(','));
  console.log('   ', CONV_FEATURE_NAMES.map((n, i) => f[i] ? `${n}=${(+f[i]!).toFixed(2)}` : '').filter(Boolean).join(' '));
}
console.log('thr', clf.thresholds.medium);
console.log('w', JSON.stringify(Object.fromEntries(CONV_FEATURE_NAMES.map((n, i) => [n, clf.config.convModel.weights[i]]))), clf.config.convModel.bias);
