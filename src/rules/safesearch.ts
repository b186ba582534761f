import { PRIORITY, type ResourceType, type Rule } from './types';

/**
 * Safe search and safe video: a ruleset of its own (`safesearch`, a category a parent can switch off). Search
 * engines get their "strict" parameter added by a redirect `queryTransform` (the browser does not redirect when the
 * URL already carries it, so there is no loop); YouTube gets the `YouTube-Restrict` request header, Google's
 * documented network-level control for Restricted Mode.
 *
 * Rule ids are fixed here, never derived from order, so they stay stable between builds.
 */
export interface EngineRule {
  id: number;
  engine: string;
  source: string;
  rule: Omit<Rule, 'id'>;
}

export const SAFESEARCH_RULESET_ID = 'safesearch';

/** Google's search domains (the main country domains; `requestDomains` also covers www./images. subdomains). */
export const GOOGLE_DOMAINS = [
  'google.com', 'google.co.uk', 'google.de', 'google.fr', 'google.es', 'google.it', 'google.nl', 'google.pl',
  'google.at', 'google.ch', 'google.be', 'google.ie', 'google.pt', 'google.se', 'google.dk', 'google.no',
  'google.fi', 'google.cz', 'google.hu', 'google.gr', 'google.ro', 'google.ca', 'google.com.au', 'google.co.nz',
  'google.co.in', 'google.com.br', 'google.com.mx', 'google.co.jp', 'google.co.za', 'google.com.tr', 'google.ru',
];

/** Every type: without `resourceTypes` a rule skips main_frame, and YouTube's pages are main frames. */
const ALL_TYPES: ResourceType[] = ['main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'media', 'websocket', 'other'];

export const YOUTUBE_DOMAINS = ['youtube.com', 'youtube-nocookie.com', 'youtubei.googleapis.com', 'youtube.googleapis.com'];

const addParam = (key: string, value: string): Rule['action'] => ({
  type: 'redirect',
  redirect: { transform: { queryTransform: { addOrReplaceParams: [{ key, value }] } } },
});

export const YOUTUBE_STRICT_RULE_ID = 10;
export const YOUTUBE_MODERATE_RULE_ID = 11;

export const ENGINE_RULES: readonly EngineRule[] = [
  {
    id: 1,
    engine: 'Google',
    source: 'Google SafeSearch URL parameter `safe=active`',
    rule: { priority: PRIORITY.safeSearch, action: addParam('safe', 'active'), condition: { urlFilter: '/search?', requestDomains: GOOGLE_DOMAINS, resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: 2,
    engine: 'Bing',
    source: 'Bing `adlt=strict` (Microsoft safe-search URL parameter)',
    rule: { priority: PRIORITY.safeSearch, action: addParam('adlt', 'strict'), condition: { urlFilter: '/search?', requestDomains: ['bing.com'], resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: 3,
    engine: 'DuckDuckGo',
    source: 'DuckDuckGo URL parameters help page (`kp=1` = strict)',
    rule: { priority: PRIORITY.safeSearch, action: addParam('kp', '1'), condition: { urlFilter: 'q=', requestDomains: ['duckduckgo.com'], resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: 4,
    engine: 'Yahoo',
    source: 'Yahoo search `vm=r` (SafeSearch strict; re-verify before release)',
    rule: { priority: PRIORITY.safeSearch, action: addParam('vm', 'r'), condition: { urlFilter: '/search', requestDomains: ['search.yahoo.com'], resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: 5,
    engine: 'Yandex',
    source: 'Yandex `family=yes` (family search; re-verify before release)',
    rule: { priority: PRIORITY.safeSearch, action: addParam('family', 'yes'), condition: { urlFilter: '/search', requestDomains: ['yandex.com', 'yandex.ru'], resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: 6,
    engine: 'Brave Search',
    source: 'search.brave.com `safesearch=strict` (re-verify before release)',
    rule: { priority: PRIORITY.safeSearch, action: addParam('safesearch', 'strict'), condition: { urlFilter: '/search?', requestDomains: ['search.brave.com'], resourceTypes: ['main_frame', 'sub_frame'] } },
  },
  {
    id: YOUTUBE_STRICT_RULE_ID,
    engine: 'YouTube (strict)',
    source: 'Google Workspace admin help, “Restrict YouTube content” (network header `YouTube-Restrict: Strict`)',
    // Higher priority than the moderate rule: while both are on, Strict is the one set.
    rule: {
      priority: PRIORITY.safeSearch + 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'YouTube-Restrict', operation: 'set', value: 'Strict' }] },
      condition: { requestDomains: YOUTUBE_DOMAINS, resourceTypes: ALL_TYPES },
    },
  },
  {
    id: YOUTUBE_MODERATE_RULE_ID,
    engine: 'YouTube (moderate)',
    source: 'same page (`YouTube-Restrict: Moderate`)',
    rule: {
      priority: PRIORITY.safeSearch,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'YouTube-Restrict', operation: 'set', value: 'Moderate' }] },
      condition: { requestDomains: YOUTUBE_DOMAINS, resourceTypes: ALL_TYPES },
    },
  },
];

/** Id of the guard rule of engine rule `id` (see `compileSafeSearch`). */
export const GUARD_ID_OFFSET = 100;

/**
 * The engine rules, plus one `allow` guard per parameter rule, one priority higher, for URLs that already carry the
 * parameter: the redirect can then never loop, whether or not the browser skips a redirect to an identical URL
 * (Chrome does; Firefox's behaviour is not documented).
 */
export function compileSafeSearch(engines: readonly EngineRule[] = ENGINE_RULES): Rule[] {
  const rules: Rule[] = engines.map(({ id, rule }) => ({ id, ...rule }));
  for (const { id, rule } of engines) {
    const param = rule.action.redirect?.transform?.queryTransform?.addOrReplaceParams?.[0];
    if (!param) continue;
    rules.push({
      id: id + GUARD_ID_OFFSET,
      priority: rule.priority + 1,
      action: { type: 'allow' },
      condition: { ...rule.condition, urlFilter: `${param.key}=${param.value}` },
    });
  }
  return rules;
}

/**
 * Static rule ids of the safesearch ruleset to disable for an age band: teenagers of 16–17 get YouTube's
 * Moderate mode, everyone younger Strict (the default while nothing is disabled).
 */
export function safeSearchDisabledRuleIds(ageBand: string): number[] {
  return ageBand === '16-17' ? [YOUTUBE_STRICT_RULE_ID] : [];
}
