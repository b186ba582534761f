/**
 * The subset of the declarativeNetRequest rule shape Haven's compiler emits. Kept local (type-only, no browser
 * import) so `src/rules` stays pure and Node-testable; it is structurally compatible with Chrome's and Firefox's
 * `declarativeNetRequest.Rule`.
 */
export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'media'
  | 'websocket'
  | 'other';

export interface QueryKeyValue {
  key: string;
  value: string;
  replaceOnly?: boolean;
}

export interface Redirect {
  extensionPath?: string;
  regexSubstitution?: string;
  url?: string;
  transform?: { queryTransform?: { addOrReplaceParams?: QueryKeyValue[]; removeParams?: string[] } };
}

export interface HeaderInfo {
  header: string;
  operation: 'set' | 'append' | 'remove';
  value?: string;
}

export interface RuleAction {
  type: 'block' | 'allow' | 'allowAllRequests' | 'redirect' | 'upgradeScheme' | 'modifyHeaders';
  redirect?: Redirect;
  requestHeaders?: HeaderInfo[];
}

export interface RuleCondition {
  urlFilter?: string;
  regexFilter?: string;
  requestDomains?: string[];
  excludedRequestDomains?: string[];
  resourceTypes?: ResourceType[];
  excludedResourceTypes?: ResourceType[];
}

export interface Rule {
  id: number;
  priority: number;
  action: RuleAction;
  condition: RuleCondition;
}

/** Priorities, highest wins (same for static, dynamic and session rules; see shared/DOMAIN.md §6 precedence). */
export const PRIORITY = {
  /** Category redirects and safe-search rules. */
  category: 1,
  safeSearch: 1,
  /** A parent's "always block" for a host. */
  /** Known false positives of the shipped lists: above every category, below a parent's explicit block. */
  falsePositive: 100,
  parentBlock: 200,
  /** A parent's "always allow" (and temporary allows from the blocked page). */
  parentAllow: 300,
  /** A parent's "always block" for a host that is a subdomain of an always-allowed one: the more specific wins. */
  parentBlockSpecific: 400,
  /** Help sites and known false positives: nothing may block them. */
  protected: 1_000_000,
} as const;

/** The page DNR redirects blocked frames to (an unlisted WXT HTML entrypoint). */
export const BLOCKED_PAGE = '/blocked.html';

/** Resource types a category redirect applies to. */
export const FRAME_TYPES: ResourceType[] = ['main_frame', 'sub_frame'];
