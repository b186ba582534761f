/**
 * Pure message lookup in the `_locales/<lang>/messages.json` format, so the parent's chosen language wins over
 * the browser's UI language (`browser.i18n.getMessage` cannot switch language at run time).
 */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, MessageEntry>;

/** Fills `$NAME$` placeholders (through their `$1`…`$9` content) and bare `$1` with substitutions. */
export function format(entry: MessageEntry, subs: ReadonlyArray<string | number>): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? positional(ph.content) : whole;
  });
  text = text.replace(/\$\$/g, '$');
  return entry.placeholders ? text : positional(text);
}

export type Translate = (key: string, ...subs: Array<string | number>) => string;

/** A translator over catalogs in order of preference; a missing key falls back, and finally shows the key. */
export function createTranslator(...catalogs: Catalog[]): Translate {
  return (key, ...subs) => {
    for (const catalog of catalogs) {
      const entry = catalog[key];
      if (entry) return format(entry, subs);
    }
    return key;
  };
}
