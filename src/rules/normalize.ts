export type RejectReason = 'empty' | 'ip' | 'syntax' | 'too-long' | 'single-label';

export type Normalized = { ok: true; host: string } | { ok: false; reason: RejectReason };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * One blocklist line → a canonical host for `requestDomains`: trimmed, comments and hosts-file prefixes removed,
 * lower case, IDN converted to punycode (the WHATWG URL host parser, so the result is what the browser matches), trailing dot
 * dropped. IP literals, single labels, numeric TLDs and malformed labels are rejected with a reason.
 */
export function normalizeHost(line: string): Normalized {
  let s = line.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash).trim();
  // hosts-file format: "0.0.0.0 example.com" / "127.0.0.1 example.com"
  const parts = s.split(/\s+/);
  if (parts.length === 2 && (parts[0] === '0.0.0.0' || parts[0] === '127.0.0.1')) s = parts[1]!;
  else if (parts.length > 1) return { ok: false, reason: 'syntax' };
  if (s.startsWith('||')) s = s.slice(2);
  if (s.endsWith('^')) s = s.slice(0, -1);
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (!s) return { ok: false, reason: 'empty' };
  if (s.startsWith('[') || IPV4.test(s) || (s.includes(':') && /^[0-9a-f:.]+$/i.test(s))) return { ok: false, reason: 'ip' };
  s = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    const ascii = toASCII(s);
    if (!ascii) return { ok: false, reason: 'syntax' };
    s = ascii;
  }
  if (s.length > 253) return { ok: false, reason: 'too-long' };
  const labels = s.split('.');
  if (labels.length < 2) return { ok: false, reason: 'single-label' };
  for (const label of labels) {
    if (label.length > 63) return { ok: false, reason: 'too-long' };
    if (!LABEL.test(label)) return { ok: false, reason: 'syntax' };
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, reason: 'ip' };
  return { ok: true, host: s };
}

/** True when `host` equals `domain` or is one of its subdomains (the `requestDomains` matching rule). */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

/** The host itself and each parent domain, most specific first: a.b.c → [a.b.c, b.c, c]. */
export function hostAndParents(host: string): string[] {
  const out = [host];
  let i = host.indexOf('.');
  while (i >= 0) {
    out.push(host.slice(i + 1));
    i = host.indexOf('.', i + 1);
  }
  return out;
}

/** IDN → punycode through the URL host parser (available in Node and in every extension context). */
function toASCII(host: string): string | null {
  try {
    const parsed = new URL(`http://${host}/`).hostname;
    return parsed.endsWith('.') ? parsed.slice(0, -1) : parsed;
  } catch {
    return null;
  }
}
