/**
 * Tamper signals shown to the parent at the top of the options page. Pure: the background gathers the facts
 * (incognito access, install type, policy seen before, logged events) and this decides what to show.
 */
export type ParentEventKind = 'settings-repaired' | 'pin-reset';
export interface ParentEvent {
  kind: ParentEventKind;
  /** Epoch ms. */
  at: number;
  /** For `settings-repaired`: the settings fields that were malformed and went back to safe defaults. */
  fields?: string[];
}

export type TamperSignal =
  | { kind: 'incognito-off' }
  | { kind: 'policy-missing'; reason: 'admin-install' | 'seen-before' }
  | { kind: 'policy-problems'; problems: string[] }
  | ParentEvent;

export const MAX_EVENTS = 20;

export function addEvent(events: readonly ParentEvent[], event: ParentEvent): ParentEvent[] {
  return [...events, event].slice(-MAX_EVENTS);
}

export interface TamperFacts {
  /** `extension.isAllowedIncognitoAccess()`; null when the browser could not tell. */
  incognitoAllowed: boolean | null;
  /** `management.getSelf().installType`; `admin` means force-installed by policy. */
  installType: string | null;
  policyPresent: boolean;
  /** When a managed policy was last seen (epoch ms), or null if never. */
  policySeenAt: number | null;
  policyProblems: string[];
  events: readonly ParentEvent[];
}

/** Most important first: a way around Haven, then a missing policy, then what happened (newest first). */
export function tamperSignals(facts: TamperFacts): TamperSignal[] {
  const out: TamperSignal[] = [];
  if (facts.incognitoAllowed === false) out.push({ kind: 'incognito-off' });
  if (!facts.policyPresent && facts.installType === 'admin') out.push({ kind: 'policy-missing', reason: 'admin-install' });
  else if (!facts.policyPresent && facts.policySeenAt !== null) out.push({ kind: 'policy-missing', reason: 'seen-before' });
  if (facts.policyPresent && facts.policyProblems.length) out.push({ kind: 'policy-problems', problems: facts.policyProblems.slice(0, 10) });
  out.push(...[...facts.events].sort((a, b) => b.at - a.at));
  return out;
}
