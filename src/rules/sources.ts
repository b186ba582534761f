import type { ListCategory } from './categories';

/** Provenance of each category list (shared/data/blocklists/SOURCE.md), shipped with the compiled rulesets. */
export interface ListSource {
  project: string;
  repository: string;
  path: string;
  license: string;
  /** Attribution the license requires, or null for public-domain data. */
  attribution: string | null;
}

const UT1 = {
  project: 'UT1 blacklists, Université Toulouse Capitole (Fabrice Prigent)',
  repository: 'https://github.com/olbat/ut1-blacklists (mirror of https://dsi.ut-capitole.fr/blacklists/)',
  license: 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
  attribution: 'UT1 blacklists, Université Toulouse Capitole (Fabrice Prigent), CC BY-SA 4.0',
};
const SHADOW = { project: 'ShadowWhisperer/BlockLists', repository: 'https://github.com/ShadowWhisperer/BlockLists', license: 'Unlicense (public domain)', attribution: null };
const BLP = {
  project: 'The Block List Project',
  repository: 'https://github.com/blocklistproject/Lists',
  license: 'Unlicense (repository LICENSE; file headers say MIT)',
  attribution: null,
};

export const LIST_SOURCES: Record<ListCategory, ListSource> = {
  adult: { ...SHADOW, path: 'RAW/Adult' },
  gambling: { ...UT1, path: 'blacklists/gambling/domains' },
  drugs: { ...BLP, path: 'alt-version/drugs-nl.txt' },
  violence: { ...SHADOW, path: 'RAW/Shock' },
  weapons: { ...UT1, path: 'blacklists/dangerous_material/domains' },
  dating: { ...UT1, path: 'blacklists/dating/domains' },
  hate: { ...UT1, path: 'blacklists/agressif/domains' },
  phishing: { ...BLP, path: 'alt-version/phishing-nl.txt' },
  malware: { ...UT1, path: 'blacklists/malware/domains' },
};

/**
 * The notice shipped next to the rulesets (`rulesets/NOTICE.txt`): which ruleset comes from which list under
 * which license. The UT1-derived rulesets are adaptations under CC BY-SA 4.0 and are shared under the same license.
 */
export function rulesetNotice(): string {
  const lines = [
    'Haven category rulesets (rulesets/<category>.json) — data sources and licenses',
    '',
    'Each ruleset is compiled at build time from one public category list: hosts were normalised (lower case,',
    'punycode), subdomains of listed parents pruned, protected help sites and known false positives removed, and',
    'the rest packed into declarativeNetRequest rules. These changes make the rulesets adaptations of the lists.',
    '',
  ];
  for (const [category, s] of Object.entries(LIST_SOURCES)) {
    lines.push(`${category}: ${s.project}, ${s.repository}, ${s.path}. License: ${s.license}.`);
  }
  lines.push(
    '',
    'The gambling, weapons, dating, hate and malware rulesets are adapted from the UT1 blacklists,',
    'Université Toulouse Capitole (Fabrice Prigent), licensed under CC BY-SA 4.0, and are themselves licensed',
    'under CC BY-SA 4.0: https://creativecommons.org/licenses/by-sa/4.0/',
    'safesearch.json and protected.json are Haven’s own (MPL-2.0, like the rest of Haven).',
  );
  return `${lines.join('\n')}\n`;
}
