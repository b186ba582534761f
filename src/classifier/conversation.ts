/**
 * Conversation-level grooming features: message parsing, multilingual (en/de) cue lexicon,
 * windowing, and the feature vector of the stacked conversation model. Pure, DOM-free.
 */
import { normalizeText } from './normalize';
import { CUE_KINDS, type CueKind } from './types';

export interface ConvMessage {
  author?: string;
  text: string;
}

/** Regexes run on normalizeText() output (lowercase, no diacritics, leet undone). */
const CUE_PATTERNS: Record<CueKind, RegExp> = {
  age: /\b(how old|hw old|ur age|your age|age\?|wie alt|dein alter|what grade|which grade|wat grade|welche klasse|what year are you in|(?:im|i'?m|i am|ich bin|bin)\s+(?:only |just |nur |erst )?(?:[5-9]|1[0-9]|[2-9][0-9])\b(?! ?(?:min|mins|minutes|hours|hrs|euro|dollar|bucks|\$|%|km|miles|uhr))|\b(?:[5-9]|1[0-9]|[2-9][0-9]) ?(?:yo|y\/o|yrs? old|years? old|jahre alt|jahre|j\.)\b|middle school|junior high|high school|grundschule|\d+(?:th|st|nd|rd) grade|\d\. klasse|\bin klasse\b)(?![a-z0-9])/,
  location: /\b(where (?:do )?(?:u|you|ya) (?:live|from|stay)|where (?:r|are) (?:u|you) from|wh?ere u at|what (?:city|state|town|country)|which (?:city|state|town)|(?:ur|your|you're) (?:address|addy|zip)|wo wohnst|woher kommst|wo bist du|in welcher stadt|deine adresse|what school|welche schule|near you|close to you|how far (?:are|r) (?:u|you))(?![a-z0-9])/,
  secrecy: /\b(don'?t tell|dont tell|do not tell|never tell|not tell (?:anyone|anybody|ur|your)|(?:our|a|little) secret|keep (?:it|this|that) (?:between us|secret|quiet|to yourself)|between (?:you and me|us)|delete (?:the |this |our |these |those |all )?(?:chat|chats|messages?|msgs?|pics?|texts?|history|convo)|(?:ur|your) (?:parents|mom|mum|dad) (?:can'?t|cant|must not|shouldn'?t) (?:know|find out|see)|no one (?:can|must|needs to) know|nobody (?:can|must|needs to) know|sag(?:'?s| es)? (?:niemandem|keinem)|nicht (?:weiter)?(?:sagen|erzahlen)|unser (?:kleines )?geheimnis|geheim halten|losch (?:den|die|das|unseren?)|deine eltern (?:durfen|sollen) (?:das )?nicht)(?![a-z0-9])/,
  isolation: /\b((?:ur|your) (?:parents|mom|mum|dad|friends) (?:don'?t|dont|never|wont|won'?t) (?:understand|get you|care|listen)|(?:only i|i'?m the only one|im the only one|only one who) (?:understands?|gets? you|cares?)|nobody understands (?:u|you)|(?:are|r) (?:ur|your) (?:parents|mom|mum|dad) (?:home|around|there|awake|asleep)|(?:are|r) (?:u|you) (?:home )?alone|home alone|(?:anyone|any1|someone) (?:else )?(?:home|there|around)\?|when (?:do|does) (?:ur|your) (?:parents|mom|mum|dad) (?:leave|go|get home|come home)|bist du (?:allein|alleine)|sind deine eltern (?:da|zu hause|weg)|deine eltern verstehen dich nicht|nur ich verstehe dich|niemand versteht dich)(?![a-z0-9])/,
  flattery: /\b((?:u|you|ur|you'?re|you are|u r|youre) (?:so |really |very |rly |soo |such a )?(?:pretty|beautiful|gorgeous|cute|hot|sexy|mature|special|adorable|perfect|smart for)|mature for (?:ur|your) age|(?:ur|your) (?:so )?(?:pretty|beautiful|gorgeous|cute|hot|sexy)|du bist (?:so |echt |sehr |wirklich )?(?:hubsch|su(?:ß|ss)|wunderschon|schon|sexy|heiß|heiss|reif|besonders)|reif fur dein alter|i like (?:u|you) a lot|nice body)(?![a-z0-9])/,
  sexual: /\b(sex|sexy|naked|nude|nudes|horny|boob|boobs|tits|titties|dick|cock|penis|pussy|vagina|virgin|cum|orgasm|masturbat\w*|jerk off|blow ?job|oral|69|make out|making out|kiss(?:ing)? (?:u|you)|touch (?:u|you|urself|yourself|me)|lick|suck|bra|panties|undies|underwear|thong|(?:make|making) love|in bed|get laid|hard on|nackt|geil|titten|schwanz|muschi|jungfrau|ficken|blasen|unterwasche|beruhr(?:en)? dich|sexuell)(?![a-z0-9])/,
  pictures: /\b((?:send|show|got|have|get|post|snap)(?: me)? (?:a |an |some |more |ur |your |another |one )?(?:pic|pics|picture|pictures|photo|photos|foto|fotos|bild|bilder|selfie|vid|video|nudes?)|(?:on |ur |your |a |got a |have a )?web ?cam|on cam\b|cam (?:2|to) cam|video ?call|facetime|(?:schick|zeig)(?:st)? (?:mir )?(?:ein |mal |ein paar )?(?:foto|bild|bilder|selfie|video)|kamera)(?![a-z0-9])/,
  'private-channel': /\b(snap ?chat|(?:ur|your|my) snap|whats ?app|kik|skype|telegram|discord|insta(?:gram)?|(?:ur|your|my) (?:number|#|cell|phone|digits|email|e-mail)|text me|call me|dm me|pm me|private (?:chat|message|msg)|add me (?:on|to)|handynummer|deine nummer|meine nummer|schreib mir privat|privat schreiben|ruf mich an)(?![a-z0-9])/,
  meeting: /\b(meet (?:up|u|you|me|in person|somewhere)|meet\?|wanna meet|want to meet|come over|pick (?:u|you) up|see (?:u|you) in person|in real life|irl|hang out|hook up|come (?:to|see) (?:me|my)|my (?:place|house|car|hotel)|(?:ur|your) (?:place|house)|(?:a|the) hotel|drive (?:to|over|down)|treffen|abholen|vorbeikommen|zu mir kommen|bei mir|bei dir)(?![a-z0-9])/,
  gifts: /\b((?:buy|get|give|send)(?:ing)? (?:u|you) (?:a|an|some|something|stuff|things|anything|whatever|presents?)|gift ?card|present for (?:u|you)|(?:pay|paid) (?:u|you)|robux|v ?bucks|money for (?:u|you)|geschenk|(?:kaufe?|schenke?) dir|geld fur dich|gutschein)(?![a-z0-9])/,
  threats: /\b((?:i'?ll|i will|ill|gonna) (?:tell|show|post|send) (?:everyone|ur|your|them|it to)|if (?:u|you) (?:don'?t|dont|do not|won'?t|wont)|or else|(?:i'?ll|i will|ill|gonna) (?:hurt|kill|find) (?:u|you)|i know where (?:u|you) live|sonst (?:zeig|schick|erzahl|sag)|wenn du nicht|ich weiß wo du wohnst|ich weiss wo du wohnst)(?![a-z0-9])/,
};

/** A stated age between 8 and 17 ("im 13", "14 yo", "13/f"). */
const MINOR_AGE =
  /(?:^(?:[89]|1[0-7])(?: ?(?:(?:u|you|and you|and u|n u|und du|du|hbu|wbu|wby|why)\??|f|m|w|yo|y\/o|lol|haha|lmao))?[!.]*$|\b(?:im|i'?m|i am)\s+(?:only |just )?(?:eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b|\b(?:sixth|seventh|eighth|ninth) grade|\b(?:im|i'?m|i am|ich bin|bin)\s+(?:only |just |nur |erst )?(?:[89]|1[0-7])\b(?! ?(?:min|mins|minutes|hours|hrs|euro|dollar|bucks|\$|%|km|miles|uhr|o'?clock|pm|am))|\b(?:[89]|1[0-7]) ?(?:yo|y\/o|yrs? old|years? old|jahre alt|jahre)\b|\b(?:[89]|1[0-7]) ?\/ ?[fm]\b|\b(?:[89]|1[0-7]) [fm] \w|\b(?:6|7|8|9)th grade|middle school|junior high|[5-9]\. klasse|\b(?:you are|you'?re|youre|u r|u are|ur|du bist)\s+(?:only |just |nur |erst )?(?:[89]|1[0-7])(?= ?(?:$|[?!.,]|right|rite|yet|now|then|and|n u|yo|y\/o|yrs?\b|years?|jahre|oder|ja)))/;
const ADULT_AGE =
  /(?:\b(?:im|i'?m|i am|ich bin|bin)\s+(?:[2-6][0-9]|1[89])\b(?! ?(?:min|mins|minutes|hours|%|km|miles|uhr|pm|am))|\b(?:[2-6][0-9]|1[89]) ?(?:yo|y\/o|yrs? old|years? old|jahre alt|jahre)\b|\b(?:[2-6][0-9]|1[89]) ?\/ ?[fm]\b|\b(?:[2-6][0-9]|1[89]) [fm](?: |$|,))/;

/** A minor age stated about oneself ("im 13", "14 u?", "13/f", "13 f ohio"), not "13 year old girls". */
const SELF_MINOR_AGE =
  /(?:^(?:[89]|1[0-7])(?: ?(?:(?:u|you|and you|and u|n u|und du|du|hbu|wbu|wby)\??|f|m|w|yo|y\/o|lol|haha|lmao))?[!.]*$|\b(?:im|i'?m|i am|ich bin)\s+(?:only |just |nur |erst )?(?:[89]|1[0-7])\b(?! ?(?:min|mins|minutes|hours|hrs|euro|dollar|bucks|\$|%|km|miles|uhr|o'?clock|pm|am|yr old|year old|years old))|^(?:[89]|1[0-7]) ?\/ ?[fm]\b|^(?:[89]|1[0-7]) [fm](?: |$|,))/;

export function detectCues(normalized: string): CueKind[] {
  const out: CueKind[] = [];
  for (const k of CUE_KINDS) if (CUE_PATTERNS[k].test(normalized)) out.push(k);
  return out;
}

/**
 * Counterfactual used in training only: the same text with every stated minor age turned into an
 * adult one ("im 13" → "im 23", "14 yo" → "24 yo", "8th grade" → "college").
 */
export function adultify(normalized: string): string {
  const re = new RegExp(MINOR_AGE.source, 'g');
  return normalized.replace(re, (m) =>
    m
      .replace(/\b(?:[5-9]|1[0-7])\b(?!th|\.)/g, (n) => String(Number(n) + (Number(n) < 10 ? 15 : 10)))
      .replace(/\b(?:[5-9]|1[0-2])th grade|middle school|junior high/g, 'college')
      .replace(/[5-9]\. klasse/g, 'uni'),
  );
}

/** Counterfactual used in training only: every stated adult age made a minor one ("im 32" → "im 15"). */
export function childify(normalized: string): string {
  const re = new RegExp(ADULT_AGE.source, 'g');
  return normalized.replace(re, (m) => m.replace(/\b(?:[2-6][0-9]|1[89])\b/g, '15'));
}

export function hasMinorAge(normalized: string): boolean {
  return MINOR_AGE.test(normalized);
}
export function hasAdultAge(normalized: string): boolean {
  return ADULT_AGE.test(normalized);
}

const PREFIX_RE = /^\s*(?:\[[^\]]{1,25}\]\s*)?(?:<([^<>]{1,40})>|([\p{L}\p{N}_.\- ]{1,40}?)\s*:)\s+/u;

/**
 * Split a multi-line text into messages. If most lines look like "name: text" or "<name> text",
 * the prefix becomes the author.
 */
export function parseConversation(text: string): ConvMessage[] {
  const lines = String(text ?? '')
    .split(/\r?\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return [];
  let prefixed = 0;
  for (const l of lines) if (PREFIX_RE.test(l)) prefixed++;
  const usePrefix = lines.length >= 2 && prefixed / lines.length >= 0.6;
  return lines.map((l) => {
    if (!usePrefix) return { text: l };
    const m = PREFIX_RE.exec(l);
    if (!m) return { text: l };
    const author = (m[1] ?? m[2] ?? '').trim();
    return { author, text: l.slice(m[0].length) };
  });
}

/** Group message indices into windows of at most `maxLines` messages and `maxChars` chars. */
export function chunkMessages(texts: string[], maxLines = 10, maxChars = 700): number[][] {
  const chunks: number[][] = [];
  let cur: number[] = [];
  let chars = 0;
  for (let i = 0; i < texts.length; i++) {
    const len = texts[i]!.length + 1;
    if (cur.length > 0 && (cur.length >= maxLines || chars + len > maxChars)) {
      chunks.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(i);
    chars += len;
  }
  if (cur.length > 0) chunks.push(cur);
  // a short trailing chunk ("added", "gg") is a poor window: make it the last maxLines messages
  // (overlapping the previous chunk) when they fit in maxChars
  const last = chunks[chunks.length - 1];
  if (chunks.length > 1 && last && last.length <= Math.floor(maxLines / 2)) {
    const end = texts.length;
    const idx: number[] = [];
    let c = 0;
    for (let i = end - 1; i >= 0 && idx.length < maxLines; i--) {
      const len = texts[i]!.length + 1;
      if (idx.length > 0 && c + len > maxChars) break;
      idx.unshift(i);
      c += len;
    }
    chunks[chunks.length - 1] = idx;
  }
  return chunks;
}

/** Window texts of normalized lines: over-long lines split on spaces, then grouped by chunkMessages. */
export function windowTexts(normalizedLines: string[], maxLines: number, maxChars: number): string[] {
  const pieces: string[] = [];
  for (const l of normalizedLines) {
    if (l.length <= maxChars) {
      pieces.push(l);
      continue;
    }
    let cur = '';
    for (const w of l.split(' ')) {
      if (cur && cur.length + w.length + 1 > maxChars) {
        pieces.push(cur);
        cur = '';
      }
      cur = cur ? cur + ' ' + w : w;
    }
    if (cur) pieces.push(cur);
  }
  if (pieces.length === 0) pieces.push('');
  return chunkMessages(pieces, maxLines, maxChars).map((c) => c.map((i) => pieces[i]).join('\n'));
}

export const CONV_FEATURE_NAMES = [
  'win_max', 'win_mean', 'win_top3', 'win_frac50', 'sex_max',
  ...CUE_KINDS.map((k) => `cue_${k}`),
  'cue_kinds', 'minor_age', 'minor_x_sexual', 'minor_x_contact', 'sexual_x_secret', 'adult_age', 'cue_rate',
  'asked_age_and_contact', 'age_gap', 'minor_peers', 'adult_only', 'win_x_adult_only',
] as const;

/**
 * Sign constraints of the conversation model's weights (training): a grooming cue or a stated minor age may only
 * raise the risk (+1); adults telling each other their ages or children talking to children may only lower it (-1);
 * window scores and a single stated adult age are free (0). Constraining that one to ≥ 0 (groomers state their
 * age too) cost 0.08 AUC on the adult-age counterfactuals: with the age gap feature the model learns "an adult age
 * lowers the risk unless a minor age is stated as well" (see docs/classifier-experiments.md).
 * Without them the model learns accidents of its training sample (e.g. "asking an age lowers risk", because
 * ordinary chats ask ages too), which do not generalise.
 */
export const CONV_FEATURE_SIGNS: Record<(typeof CONV_FEATURE_NAMES)[number], -1 | 0 | 1> = {
  win_max: 0, win_mean: 0, win_top3: 0, win_frac50: 0, sex_max: 0,
  ...(Object.fromEntries(CUE_KINDS.map((k) => [`cue_${k}`, 1])) as Record<`cue_${CueKind}`, 1>),
  cue_kinds: 1, minor_age: 1, minor_x_sexual: 1, minor_x_contact: 1, sexual_x_secret: 1, adult_age: 0, cue_rate: 1,
  asked_age_and_contact: 1, age_gap: 1, minor_peers: -1, adult_only: -1, win_x_adult_only: 0,
};

export interface ConvAnalysis {
  normalized: string[];
  /** 'de' when German function words dominate (the message model's grooming head saw only English grooming) */
  lang: 'en' | 'de';
  /** minor ages stated by two or more different authors (children talking to children) */
  minorPeers: boolean;
  cues: Array<{ kind: CueKind; messageIndex: number; author?: string }>;
  minorAge: boolean;
  adultAge: boolean;
  /** two different adult ages stated (or adult ages by two authors), and no minor age: adults meeting adults */
  adultsOnly: boolean;
}

/** A school year given as the answer to "what grade/class are you in" ("7th", "8", "in der 6."). */
const GRADE_QUESTION = /\b(?:what|which|wat) (?:grade|year)|welche klasse|in welcher klasse/;
const GRADE_ANSWER = /^(?:in |im |in der )?(?:[5-9]|1[0-2])(?:th|\.)?(?: grade| klasse)?[!.?]*$/;
const ADULT_AGE_NUMBER = /\b(?:[2-6][0-9]|1[89])\b/;

export function analyzeMessages(messages: ConvMessage[], normalized?: string[]): ConvAnalysis {
  const norm = normalized ?? messages.map((m) => normalizeText(m.text));
  const cues: ConvAnalysis['cues'] = [];
  let minorAge = false;
  let adultAge = false;
  const minorAuthors = new Set<string>();
  const adultAges = new Set<string>();
  const adultAuthors = new Set<string>();
  let gradeAskedAt = -10;
  norm.forEach((n, i) => {
    for (const kind of detectCues(n)) cues.push({ kind, messageIndex: i, author: messages[i]?.author });
    if (hasMinorAge(n) || (i - gradeAskedAt <= 3 && GRADE_ANSWER.test(n.trim()))) minorAge = true;
    if (GRADE_QUESTION.test(n)) gradeAskedAt = i;
    if (SELF_MINOR_AGE.test(n)) minorAuthors.add(messages[i]?.author ?? '');
    const adult = ADULT_AGE.exec(n);
    if (adult) {
      adultAge = true;
      adultAges.add(ADULT_AGE_NUMBER.exec(adult[0])?.[0] ?? adult[0]);
      if (messages[i]?.author) adultAuthors.add(messages[i]!.author!);
    }
  });
  // One stated adult age proves nothing (groomers state theirs); two different ones, with no minor age, is
  // adults telling each other their ages.
  const adultsOnly = !minorAge && (adultAges.size >= 2 || adultAuthors.size >= 2);
  return { normalized: norm, cues, minorAge, adultAge, adultsOnly, minorPeers: minorAuthors.size >= 2, lang: guessLang(norm) };
}

const EN_WORDS = new Set(['the', 'you', 'your', 'are', 'is', 'and', 'what', 'how', 'not', 'dont', "don't", 'im', "i'm", 'my', 'me', 'to', 'it', 'do', 'that', 'have', 'with', 'for', 'this', 'u', 'ur', 'lol', 'yes', 'no', 'i']);
const DE_WORDS = new Set(['ich', 'du', 'bist', 'nicht', 'und', 'ist', 'das', 'mir', 'dich', 'dir', 'mein', 'meine', 'deine', 'dein', 'sind', 'wir', 'auch', 'noch', 'schon', 'aber', 'wie', 'hast', 'habe', 'kannst', 'wo', 'zu', 'ein', 'eine', 'mit', 'bei', 'uns', 'ja', 'nein', 'sag', 'niemandem', 'wenn', 'oder', 'doch', 'mal']);

export function guessLang(normalized: string[]): 'en' | 'de' {
  let en = 0;
  let de = 0;
  for (const line of normalized) {
    for (const w of line.split(/[^\p{L}']+/u)) {
      if (EN_WORDS.has(w)) en++;
      else if (DE_WORDS.has(w)) de++;
    }
  }
  return de > en ? 'de' : 'en';
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/**
 * Feature vector of the stacked conversation model.
 * @param groomP  per-window grooming probabilities from the message model
 * @param sexP    per-window sexual probabilities from the message model
 */
export function conversationFeatures(a: ConvAnalysis, groomP: number[], sexP: number[]): number[] {
  const n = Math.max(1, a.normalized.length);
  const gl = groomP.map(logit).sort((x, y) => y - x);
  const winMax = gl.length ? gl[0]! : logit(0.01);
  const winMean = gl.length ? gl.reduce((s, v) => s + v, 0) / gl.length : logit(0.01);
  const top = gl.slice(0, 3);
  const winTop3 = top.length ? top.reduce((s, v) => s + v, 0) / top.length : logit(0.01);
  const frac50 = groomP.length ? groomP.filter((p) => p >= 0.5).length / groomP.length : 0;
  let sexMax = sexP.length ? -Infinity : logit(0.01);
  for (const p of sexP) sexMax = Math.max(sexMax, logit(p));
  const counts: Record<string, number> = {};
  for (const c of a.cues) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  const cueFeats = CUE_KINDS.map((k) => ((counts[k] ?? 0) > 0 ? 1 : 0));
  const kinds = CUE_KINDS.filter((k) => (counts[k] ?? 0) > 0).length;
  const has = (k: CueKind): number => ((counts[k] ?? 0) > 0 ? 1 : 0);
  const minor = a.minorAge ? 1 : 0;
  const contact = Math.max(has('meeting'), has('pictures'), has('private-channel'), has('secrecy'));
  const adultOnly = a.adultsOnly ? 1 : 0;
  return [
    winMax / 4, winMean / 4, winTop3 / 4, frac50, sexMax / 4,
    ...cueFeats,
    kinds / CUE_KINDS.length, minor, minor * has('sexual'), minor * contact,
    has('sexual') * Math.max(has('secrecy'), has('isolation')), a.adultAge ? 1 : 0,
    Math.min(1, a.cues.length / n),
    has('age') * contact,
    minor * (a.adultAge ? 1 : 0),
    a.minorPeers ? 1 : 0,
    // two different adult ages and no minor one: the message model's window score (it learned "2000s IM chat
    // with a decoy") should count for less there, which a separate weight on this product allows
    adultOnly,
    (winMean / 4) * adultOnly,
  ];
}

export interface ConvModel {
  weights: number[];
  bias: number;
  /** language-independent model on cue features only (window features get weight 0): used for German */
  cueOnly?: { weights: number[]; bias: number };
}

/** Indices of the features that come from the (English-trained) message model. */
export const WINDOW_FEATURES = [0, 1, 2, 3, 4, CONV_FEATURE_NAMES.indexOf('win_x_adult_only')];

export function convModelScore(m: ConvModel, feats: number[], lang: 'en' | 'de' = 'en'): number {
  const mm = lang !== 'en' && m.cueOnly ? m.cueOnly : m;
  let z = mm.bias;
  for (let i = 0; i < feats.length; i++) z += (mm.weights[i] ?? 0) * feats[i]!;
  return 1 / (1 + Math.exp(-z));
}
