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
  ['negation', 'Women are in no way less intelligent than men'],
  ['negation', 'Gay people are not disgusting'],
  ['negation', 'I would never say that black people are animals'],
  ['negation', 'No, refugees are not criminals'],
  ['negation', 'Ich hasse keine Ausländer'],
  ['counter-speech', 'Calling immigrants vermin is how genocide propaganda started'],
  ['counter-speech', 'If you think all Muslims are terrorists you need to meet more people'],
  ['counter-speech', 'He called Jews greedy liars and he was rightly banned'],
  ['counter-speech', 'The comment that trans people are freaks got deleted by the mods, good'],
  ['counter-speech', '"Women are too stupid to vote" is a disgusting thing to say'],
  ['counter-speech', 'My uncle thinks gay people are sick, and I told him he is wrong'],
  ['counter-speech', 'Mein Nachbar meint, Flüchtlinge seien Verbrecher. Das ist einfach Unsinn.'],
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

/**
 * Whole conversations ("name: text" lines) for the grooming trap: adults meeting strangers ("asl?",
 * ages, hobbies), adults flirting and sexting, children chatting with children, family and school
 * chat, vs an adult working on a child (stated or implied minor age, flattery, secrecy, pictures,
 * private channel, meeting, gifts).
 */
const GROOMING: string[] = [
  'tom: hey asl?\nkayla: 13 f\ntom: 34 m. ur really mature for 13\nkayla: thx lol\ntom: do ur parents check ur phone\nkayla: no\ntom: good. keep our chats secret ok\ntom: send me a pic of u',
  'mark: hi cutie how old r u\nlily: 12\nmark: wow you look older in your pic. dont tell your mom we talk ok\nlily: ok\nmark: do you have snapchat? its more private\nlily: yea\nmark: add me there and send a pic in your pj',
  'dan: hey\nemma: hi\ndan: what grade r u in\nemma: 7th\ndan: cool im 29. you are so pretty, boys your age dont deserve you\nemma: haha\ndan: i could buy you that phone you want. just between us\nemma: really?\ndan: yes if we meet saturday. dont tell anyone',
  'guy22: u home alone?\nsara: yes my parents r at work\nguy22: how old are you again\nsara: 14\nguy22: i like younger girls. are you wearing anything under\nsara: idk\nguy22: show me on cam, delete the chat after',
  'coach_j: you played great today\nben: thanks coach\ncoach_j: you are my favourite player. i can give you extra training at my place\nben: cool\ncoach_j: dont tell the other boys or your dad, they will be jealous\nben: ok\ncoach_j: ill pick you up after school friday',
  'alex: how old are u\nmia: 13 why\nalex: just asking. age is just a number\nalex: u have a bf?\nmia: no\nalex: i can teach u things. lets talk on whatsapp\nmia: my mom reads my messages\nalex: then delete them. our secret',
  'peter: hi sweetie\njess: hi\npeter: im 40 but i feel young. you are 11 right?\njess: yes\npeter: i sent you a gift card. now send me a photo without your shirt\njess: why\npeter: if you dont i will show your mom what you said',
  'max: hey\nzoe: hey\nmax: u go to middle school?\nzoe: yea\nmax: u r so hot for a middle schooler. i want to kiss you\nzoe: lol\nmax: lets meet at the park, come alone',
  'bernd: hallo süße, wie alt bist du?\nlena: 12\nbernd: du bist sehr reif für dein alter. sag deinen eltern nichts von uns\nlena: ok\nbernd: schick mir ein foto von dir, nur für mich\nbernd: wir können uns am samstag treffen',
];

const NOT_GROOMING: Array<[string, string]> = [
  ['adult strangers', 'a: hi\nb: hey asl?\na: 24 f uk\nb: 27 m usa\na: cool what do u do\nb: im a nurse u?\na: engineer\nb: nice'],
  ['adult strangers', 'anna: asl\nrob: 31 m berlin. you?\nanna: 28 f london\nrob: what music do you like\nanna: indie mostly\nrob: same, seen any gigs lately?\nanna: arctic monkeys last month'],
  ['adult strangers', 'x: hey stranger\ny: hi\nx: how old are you\ny: 35, you?\nx: 33. married?\ny: divorced lol\nx: same here. kids?\ny: two boys'],
  ['adult flirting', 'a: hey sexy\nb: hi :)\na: 29 f\nb: 31 m, you look hot in your pic\na: thanks ;)\nb: wanna get a drink sometime?\na: sure, send me your number'],
  ['adult flirting', 'sam: your profile made me smile\njo: aw thanks, you have great taste in books\nsam: im 34, you?\njo: 30. whats your snap\nsam: samwise84\njo: added. dinner friday?'],
  ['adult sexting', 'a: hey\nb: hey you. 26 f\na: 30 m. what are you wearing\nb: not much ;)\na: mmm i want to touch you\nb: come over tonight then\na: on my way'],
  ['adult sexting', 'lisa: miss you babe\nmike: miss you too. cant wait to see you naked tonight\nlisa: send me a pic first ;)\nmike: only if you do\nlisa: deal, im 32 and still shy lol'],
  ['teen peers', 'a: hi\nb: asl\na: 14 f\nb: 15 m\na: cool what games u play\nb: minecraft\na: same! add me'],
  ['teen peers', 'jay: r u coming to the party\nkim: idk my mom might not let me\njay: everyone from 8th grade is going\nkim: ok ill ask her\njay: dont tell her there wont be parents lol'],
  ['family', 'mom: where are you?\nnoah: at jakes house\nmom: ok i will pick you up at 6\nnoah: can i stay till 7\nmom: fine. dont forget your jacket'],
  ['school', 'teacher: reminder: the science project is due friday\nsofia: can we work in pairs?\nteacher: yes, max two per group\nsofia: thanks!'],
  ['friends', 'leo: wanna meet at the mall saturday\nben: sure what time\nleo: 2pm at the food court\nben: cool ill bring my brother'],
  ['support', 'agent: hello, how can i help you today?\nuser: my order has not arrived\nagent: sorry to hear that. can you send me the order number?\nuser: 48213\nagent: thanks, it ships tomorrow'],
  ['adults (de)', 'tim: hey, wie alt bist du?\nsara: 27 und du?\ntim: 30. du siehst toll aus auf deinem foto\nsara: danke :) treffen wir uns mal auf einen kaffee?\ntim: gerne, samstag?'],
];

export const PROBE: Record<'hate' | 'bullying' | 'grooming', ProbeCase[]> = {
  grooming: [
    ...GROOMING.map((text) => ({ text, y: 1 as const, group: 'grooming' })),
    ...NOT_GROOMING.map(([group, text]) => ({ text, y: 0 as const, group })),
  ],
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
export function runProbe(score: (texts: string[]) => ArrayLike<number>[], labels: ReadonlyArray<'hate' | 'bullying' | 'grooming'> = ['hate', 'bullying', 'grooming']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const label of labels) {
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
