/**
 * Evasion-resistant text normalization. Pure, DOM-free, never throws.
 *
 * Steps: NFKC → strip invisible / format chars → strip combining marks (Zalgo, accents) →
 * lowercase → HTML entities → URLs / @mentions → emoji to words → homoglyphs (mixed-script
 * tokens) → leetspeak (inside words) → s p a c e d letters → repeated letters → whitespace.
 */

const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- deliberately matches lone invisible / joiner code points
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g;
const COMBINING = /\p{Mn}+/gu;
// eslint-disable-next-line no-control-regex -- deliberately strips control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Cyrillic / Greek / other look-alikes of Latin letters (lowercase). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', ё: 'e', к: 'k', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', һ: 'h', ӏ: 'l', ո: 'n', ս: 'u',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  γ: 'y', ω: 'w', μ: 'u', ɑ: 'a', ɩ: 'i', ɪ: 'i', ʏ: 'y', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e',
  ғ: 'f', ɢ: 'g', ʜ: 'h', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's',
  ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', 'ı': 'i', ø: 'o', đ: 'd', ħ: 'h', ł: 'l',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'u');
const LATIN_RE = /[a-z]/;
const HOMOGLYPH_ALL_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');
const REAL_FOREIGN_RE = /[\u0370-\u03FF\u0400-\u052F]/u;
const SCRIPT_LETTER_RE = /[\u0370-\u03FF\u0400-\u052F\u0530-\u058F\u1D00-\u1D7F\u0250-\u02AF\uA700-\uA7FFıøđħł]/u;

/** Emoji → words (spaced). Everything else pictographic → " emoji ". */
const EMOJI_WORDS: Array<[string, string]> = [
  ['🍆', 'eggplant'], ['🍑', 'peach'], ['💦', 'splash'], ['👅', 'tongue'], ['💋', 'kiss'], ['😘', 'kiss'],
  ['😍', 'love'], ['🥰', 'love'], ['❤', 'heart'], ['♥', 'heart'], ['💕', 'heart'], ['💖', 'heart'],
  ['😈', 'devil'], ['🥵', 'hot'], ['👙', 'bikini'], ['🔞', 'adult'], ['🤫', 'shush'], ['🤐', 'shush'],
  ['📸', 'camera'], ['📷', 'camera'], ['🎁', 'gift'], ['💰', 'money'], ['💵', 'money'], ['💸', 'money'],
  ['🔪', 'knife'], ['🗡', 'knife'], ['🔫', 'gun'], ['💣', 'bomb'], ['💀', 'skull'], ['☠', 'skull'],
  ['⚰', 'coffin'], ['🩸', 'blood'], ['👊', 'punch'], ['🖕', 'middlefinger'], ['🤡', 'clown'],
  ['🐷', 'pig'], ['🐖', 'pig'], ['🐒', 'monkey'], ['🐵', 'monkey'], ['🦍', 'ape'], ['🐍', 'snake'],
  ['🐀', 'rat'], ['🤮', 'vomit'], ['🤢', 'vomit'], ['💩', 'shit'], ['🙄', 'eyeroll'], ['😂', 'laugh'],
  ['🤣', 'laugh'], ['😆', 'laugh'], ['😭', 'cry'], ['😢', 'cry'], ['😡', 'angry'], ['🤬', 'angry'],
  ['😠', 'angry'], ['🔥', 'fire'], ['😏', 'smirk'], ['😉', 'wink'], ['😜', 'wink'], ['🏳️‍🌈', 'rainbow'],
  ['🏳‍🌈', 'rainbow'], ['🌈', 'rainbow'], ['✡', 'star of david'], ['☪', 'crescent'], ['卐', 'swastika'],
  ['🤏', 'tiny'], ['🥒', 'cucumber'], ['🌮', 'taco'], ['😊', 'smile'], ['🙂', 'smile'], ['😀', 'smile'],
];
const EMOJI_MAP = new Map(EMOJI_WORDS);
const EMOJI_KEYS_RE = new RegExp(
  EMOJI_WORDS.map(([e]) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'),
  'gu',
);
const PICTO_RE = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]+/gu;
const SKIN_ZWJ_RE = /[\u{1F3FB}-\u{1F3FF}\u200D]/gu;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '+': 't',
};
const AGE_LIKE = /^\d+(?:yo|y|yrs?|years?|yr|st|nd|rd|th|am|pm|k|m|f|s|ish|x|h|min|mins|cm|kg|mb|gb|p|e|er|ies|jahre|j)?$/;

function safeString(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === null || input === undefined) return '';
  try {
    return String(input);
  } catch {
    return '';
  }
}

function mapHomoglyphToken(tok: string, allowPure: boolean): string {
  if (!HOMOGLYPH_RE.test(tok)) return tok;
  let mixed = LATIN_RE.test(tok);
  if (!mixed && allowPure) {
    // A token made only of look-alike characters (e.g. Cyrillic "ѕех") is treated as Latin.
    mixed = true;
    for (const ch of tok) {
      if (SCRIPT_LETTER_RE.test(ch) && !(ch in HOMOGLYPHS)) {
        mixed = false;
        break;
      }
    }
  }
  if (!mixed) return tok;
  let out = '';
  for (const ch of tok) out += HOMOGLYPHS[ch] ?? ch;
  return out;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

function mapLeetToken(tok: string): string {
  // Only tokens that mix letters and leet characters are touched.
  if (!/[\p{L}]/u.test(tok) || !/[0-9@$!|€+]/.test(tok)) return tok;
  if (AGE_LIKE.test(tok)) return tok;
  if (/^[@#]/.test(tok) && tok.length > 4) return tok; // mentions / hashtags
  const chars = Array.from(tok);
  const letters = chars.filter((c) => isLetter(c)).length;
  if (letters < 1) return tok;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const rep = LEET[c];
    if (rep === undefined) {
      out += c;
      continue;
    }
    // find nearest non-leet neighbours
    let j = i - 1;
    while (j >= 0 && LEET[chars[j]!] !== undefined) j--;
    let k = i + 1;
    while (k < chars.length && LEET[chars[k]!] !== undefined) k++;
    const leftL = j >= 0 && isLetter(chars[j]);
    const rightL = k < chars.length && isLetter(chars[k]);
    const isDigit = c >= '0' && c <= '9';
    let map = false;
    if (leftL && rightL) map = true; // internal: st00pid, b!tch, sh1t
    else if (!leftL && rightL && j < 0) map = !isDigit || letters >= 3; // leading: $hit, 1diot, @ss
    else if (leftL && !rightL && k >= chars.length) map = letters <= 6 && ((c === '$' || c === '5') || ((c === '0' || c === '3') && letters >= 2 && i === chars.length - 1)); // trailing: a$$, a55, h0
    if (map && (c === '!' || c === '+') && !(leftL && rightL)) map = false;
    out += map ? rep : c;
  }
  return out;
}

/** Join runs of ≥3 single letters separated by one space / dot / dash / underscore / star. */
function joinSpacedLetters(s: string): string {
  return s.replace(/(?<![\p{L}\p{N}])\p{L}(?:[ ._\-*·•]\p{L}){2,}(?![\p{L}\p{N}])/gu, (m) => {
    const joined = m.replace(/[ ._\-*·•]/g, '');
    // "you are a s t u p i d": a leading single-letter word (a / i) stays separate
    if (joined.length >= 4 && m[1] === ' ' && (m[0] === 'a' || m[0] === 'i')) return m[0] + ' ' + joined.slice(1);
    return joined;
  });
}

export function normalizeText(input: unknown): string {
  try {
    let s = safeString(input);
    if (s.length === 0) return '';
    s = s.normalize('NFKC');
    s = s.replace(INVISIBLE, '').replace(CONTROL, ' ');
    s = s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
    s = s.toLowerCase();
    s = s.replace(/&(#?\w{2,6});/g, (m, e: string) => ENTITIES[e] ?? (/^#\d+$/.test(e) ? safeFromCode(e.slice(1)) : m));
    s = s.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' url ');
    s = s.replace(/(^|[^\w@])@[\p{L}\p{N}_]{1,30}(?![\p{L}\p{N}_])/gu, (m, p: string) => (m.length - p.length - 1 <= 3 ? m : `${p}@user`));
    s = s.replace(EMOJI_KEYS_RE, (e) => ` ${EMOJI_MAP.get(e) ?? 'emoji'} `);
    s = s.replace(SKIN_ZWJ_RE, '');
    s = s.replace(PICTO_RE, ' emoji ');
    // token-level homoglyph + leet mapping on whitespace-separated chunks
    const allowPure = !REAL_FOREIGN_RE.test(s.replace(HOMOGLYPH_ALL_RE, ''));
    s = s
      .split(/(\s+)/)
      .map((chunk) => {
        if (chunk.length === 0 || /^\s+$/.test(chunk)) return chunk;
        const m = /^([("'“‘«[]*)(.*?)([)"'”’».,;:?…\]]*)$/su.exec(chunk);
        const pre = m?.[1] ?? '';
        let core = m?.[2] ?? chunk;
        const post = m?.[3] ?? '';
        core = mapHomoglyphToken(core, allowPure);
        core = mapLeetToken(core);
        return pre + core + post;
      })
      .join('');
    s = joinSpacedLetters(s);
    // repeated characters: letters/symbols 3+ → 1 (digits kept)
    s = s.replace(/(\D)\1{2,}/gu, '$1');
    s = s.replace(/\s+/g, ' ').trim();
    return s;
  } catch {
    try {
      return safeString(input).toLowerCase();
    } catch {
      return '';
    }
  }
}

function safeFromCode(code: string): string {
  const n = Number(code);
  if (!Number.isFinite(n) || n < 32 || n > 0x10ffff) return ' ';
  try {
    return String.fromCodePoint(n);
  } catch {
    return ' ';
  }
}
