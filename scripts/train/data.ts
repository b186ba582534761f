/** Dataset loading and example construction for training (Node only). */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../../src/classifier/normalize';
import { chunkMessages, detectCues, hasMinorAge } from '../../src/classifier/conversation';
import { LABELS } from '../../src/classifier/types';
import { fnv1a } from '../../src/classifier/features';

export type Y = Array<0 | 1 | null>; // aligned with LABELS

export interface Row {
  id: string;
  text: string;
  lang: string;
  source: string;
  y: Y;
  conv?: string;
  author?: string;
  t?: number;
  predator?: boolean;
  /** OpenAI moderation S3 (sexual/minors) */
  s3?: boolean;
  /** Wang 2020 original class (cyberbullying_type) */
  wangType?: string;
}

export const CHAT_SOURCES = new Set(['nps-chat', 'irc-disentangle', 'dailydialog-xdd', 'topical-chat', 'tinder-flirting']);
export const GROOMING_SOURCE = 'pj-grooming-koutli';
/** The three least toxic chat sets (IRC help, everyday dialogue, topical chat): weak negatives and the false-alarm rate. */
export const CLEAN_CHAT = new Set(['irc-disentangle', 'dailydialog-xdd', 'topical-chat']);

export function listSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'train.jsonl')))
    .sort();
}

export function readRows(file: string): Row[] {
  const out: Row[] = [];
  const txt = readFileSync(file, 'utf8');
  let ln = 0;
  for (const line of txt.split('\n')) {
    ln++;
    if (!line.trim()) continue;
    let d: any;
    try {
      d = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${ln}: malformed JSON`);
    }
    const y = LABELS.map((l) => {
      const v = d.y?.[l];
      return v === 1 || v === true ? 1 : v === 0 || v === false ? 0 : null;
    }) as Y;
    out.push({
      id: String(d.id),
      text: typeof d.text === 'string' ? d.text : String(d.text ?? ''),
      lang: d.lang ?? 'und',
      source: d.source ?? 'unknown',
      y,
      conv: d.conv != null ? String(d.conv) : undefined,
      author: d.author != null ? String(d.author) : undefined,
      t: typeof d.t === 'number' ? d.t : undefined,
      predator: typeof d.predator_author === 'boolean' ? d.predator_author : undefined,
      s3: d.labels?.S3 === 1,
      wangType: typeof d.labels?.cyberbullying_type === 'string' ? d.labels.cyberbullying_type : undefined,
    });
  }
  return out;
}

export interface Example {
  text: string; // normalized, lines joined with \n
  y: Y;
  source: string;
  lang: string;
  kind: 'msg' | 'win';
  w: number; // base weight (before per-label balancing)
}

export interface Conversation {
  key: string;
  source: string;
  lang: string;
  label: 0 | 1;
  lines: string[]; // normalized message texts in (approximate) order
  authors: string[];
}

/** Mulberry32 seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => normalizeText(l))
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Build conversations for grooming: PJ (streams interleaved by relative position) and chat sets. */
export function buildConversations(rows: Row[]): Conversation[] {
  const groups = new Map<string, Row[]>();
  let tinderBlock = 0;
  rows.forEach((r, i) => {
    if (r.source !== GROOMING_SOURCE && !CHAT_SOURCES.has(r.source)) return;
    let conv = r.conv;
    if (conv === undefined) {
      if (r.source === 'tinder-flirting') conv = `tb${Math.floor(tinderBlock++ / 6)}`;
      else conv = `row${i}`;
    }
    const key = `${r.source}|${r.lang}|${conv}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  });
  const convs: Conversation[] = [];
  for (const [key, g] of groups) {
    const src = g[0]!.source;
    let ordered: Row[];
    if (src === GROOMING_SOURCE) {
      const streams = new Map<string, Row[]>();
      for (const r of g) {
        const a = r.author ?? '?';
        if (!streams.has(a)) streams.set(a, []);
        streams.get(a)!.push(r);
      }
      const withPos: Array<[number, Row]> = [];
      for (const s of streams.values()) {
        s.sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
        s.forEach((r, i) => withPos.push([(i + 0.5) / s.length, r]));
      }
      withPos.sort((a, b) => a[0] - b[0]);
      ordered = withPos.map((x) => x[1]);
    } else {
      ordered = [...g].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
    }
    const lines: string[] = [];
    const authors: string[] = [];
    for (const r of ordered) {
      const n = normalizeText(r.text.replace(/\s*\n\s*/g, ' '));
      if (!n) continue;
      lines.push(n);
      authors.push(r.author ?? '');
    }
    if (lines.length === 0) continue;
    convs.push({ key, source: src, lang: g[0]!.lang, label: src === GROOMING_SOURCE ? 1 : 0, lines, authors });
  }
  convs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return convs;
}

export function isStackConv(key: string, frac: number): boolean {
  return fnv1a(7, key) / 4294967296 < frac;
}

const G = LABELS.indexOf('grooming');
export function groomY(v: 0 | 1): Y {
  const y: Y = LABELS.map(() => null);
  y[G] = v;
  return y;
}

/** Windows (for the message model's grooming head) from conversations. */
export function windowExamples(convs: Conversation[], maxLines: number, maxChars: number, rand: () => number, pjNoCueWeight = 1, hardNegWeight = 1): Example[] {
  const out: Example[] = [];
  for (const c of convs) {
    const add = (idx: number[], w: number): void => {
      const text = idx.map((i) => c.lines[i]).join('\n');
      // PJ windows with no grooming cue at all (small talk) are weak evidence: down-weighted
      if (c.label === 1 && pjNoCueWeight !== 1 && detectCues(text).length === 0 && !hasMinorAge(text)) w *= pjNoCueWeight;
      // ordinary-chat windows with sexual / picture / meeting / private-channel talk (adult flirting,
      // dating) are the hard negatives of the grooming trap: up-weighted
      if (c.label === 0 && hardNegWeight !== 1) {
        const cues = detectCues(text);
        if (cues.includes('sexual') || cues.includes('pictures') || cues.includes('meeting') || cues.includes('private-channel') || cues.includes('flattery')) w *= hardNegWeight;
      }
      out.push({ text, y: groomY(c.label), source: c.source, lang: c.lang, kind: 'win', w });
    };
    // regular chunks, plus a shifted pass for long conversations
    for (const ch of chunkMessages(c.lines, maxLines, maxChars)) add(ch, 1);
    if (c.lines.length > maxLines) {
      const off = Math.floor(maxLines / 2);
      for (const ch of chunkMessages(c.lines.slice(off), maxLines, maxChars)) add(ch.map((i) => i + off), 1);
    }
    // a few short windows (1–4 lines): grooming is rarely visible in one line, so low weight
    const nShort = Math.min(4, Math.ceil(c.lines.length / 20));
    for (let k = 0; k < nShort; k++) {
      const L = 1 + Math.floor(rand() * 4);
      const s = Math.floor(rand() * Math.max(1, c.lines.length - L + 1));
      const idx: number[] = [];
      for (let i = s; i < Math.min(c.lines.length, s + L); i++) idx.push(i);
      add(idx, 0.5);
    }
  }
  return out;
}

export interface ConvSample {
  conv: Conversation;
  start: number;
  end: number; // exclusive
}

/** Conversation samples for the stacked model and for grooming validation: whole + sub-windows. */
export function convSamples(convs: Conversation[], rand: () => number, perConv = 3): ConvSample[] {
  const out: ConvSample[] = [];
  const lens = [4, 8, 15, 30, 60, 120, 250];
  for (const c of convs) {
    const n = c.lines.length;
    out.push({ conv: c, start: 0, end: n });
    const per = Math.max(perConv, Math.min(40, Math.floor(n / 25)));
    for (let k = 0; k < per; k++) {
      const L = Math.min(n, lens[Math.floor(rand() * lens.length)]!);
      if (L >= n) continue;
      const s = Math.floor(rand() * (n - L + 1));
      out.push({ conv: c, start: s, end: s + L });
    }
  }
  return out;
}

/**
 * Synthetic long ordinary conversations: 3–8 short chats of one chat source concatenated, so that
 * conversation length is not a proxy for "grooming" (PJ logs are long, most chat sets are short).
 */
export function concatNegatives(convs: Conversation[], rand: () => number, perSource: number): Conversation[] {
  const bySrc = new Map<string, Conversation[]>();
  for (const c of convs) {
    if (c.label !== 0 || c.lines.length > 60) continue;
    if (!bySrc.has(c.source)) bySrc.set(c.source, []);
    bySrc.get(c.source)!.push(c);
  }
  const out: Conversation[] = [];
  for (const [src, pool] of [...bySrc].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (pool.length < 3) continue;
    for (let i = 0; i < perSource; i++) {
      const k = 3 + Math.floor(rand() * 6);
      const lines: string[] = [];
      const authors: string[] = [];
      for (let j = 0; j < k; j++) {
        const c = pool[Math.floor(rand() * pool.length)]!;
        lines.push(...c.lines);
        authors.push(...c.authors);
      }
      out.push({ key: `concat|${src}|${i}`, source: src, lang: pool[0]!.lang, label: 0, lines, authors });
    }
  }
  return out;
}

/** At most `cap` samples per source (preferring samples of ≥ 3 lines), seeded. */
export function capSamples(samples: ConvSample[], cap: number, rand: () => number): ConvSample[] {
  const bySrc = new Map<string, ConvSample[]>();
  for (const s of samples) {
    const k = s.conv.source;
    if (!bySrc.has(k)) bySrc.set(k, []);
    bySrc.get(k)!.push(s);
  }
  const out: ConvSample[] = [];
  for (const [, arr] of [...bySrc].sort()) {
    // prefer samples with ≥ 3 lines
    const good = arr.filter((s) => s.end - s.start >= 3);
    const pool = good.length >= Math.min(cap, arr.length) / 2 ? good : arr;
    const shuffled = shuffle(pool.slice(), rand);
    out.push(...shuffled.slice(0, cap));
  }
  return out;
}

export function shuffle<T>(a: T[], rand: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
