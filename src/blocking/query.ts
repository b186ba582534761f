/**
 * Reads the blocked page's query: `?c=<category>&u=<original URL>`. The URL comes last and raw (DNR's
 * `regexSubstitution` inserts it unencoded, so it may contain `&`); an encoded one (`u=http%3A…`) is decoded too.
 */
export function parseBlockedQuery(search: string): { category: string | null; url: string | null; host: string | null } {
  const query = search.startsWith('?') ? search.slice(1) : search;
  let head = query;
  let url: string | null = null;
  if (query.startsWith('u=')) {
    head = '';
    url = query.slice(2);
  } else {
    const i = query.indexOf('&u=');
    if (i >= 0) {
      head = query.slice(0, i);
      url = query.slice(i + 3);
    }
  }
  if (url && /^https?%3A/i.test(url)) {
    try {
      url = decodeURIComponent(url);
    } catch {
      /* keep raw */
    }
  }
  let host: string | null = null;
  if (url) {
    try {
      const parsed = new URL(url);
      host = /^https?:$/.test(parsed.protocol) ? parsed.hostname : null;
      if (!host) url = null;
    } catch {
      url = null;
    }
  }
  const category = new URLSearchParams(head).get('c');
  return { category: category && /^[a-z]{1,20}$/.test(category) ? category : null, url, host };
}
