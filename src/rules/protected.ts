import { PRIORITY, FRAME_TYPES, type Rule } from './types';
import directory from '../report/directory.json';

export type ProtectedKind = 'hotline' | 'helpline' | 'safer-internet' | 'suicide-prevention' | 'sexual-health' | 'lgbtq-youth' | 'false-positive';

export interface ProtectedSite {
  host: string;
  kind: ProtectedKind;
  name: string;
  /** Where the entry comes from (shared/DOMAIN.md section, list file, or the organisation's own site). */
  source: string;
}

const DOMAIN = (section: string) => `shared/DOMAIN.md ${section}`;
const OFFICIAL = 'organisation’s official site (well known; re-verify before each release)';

/** Registrable-looking host of a URL without a leading `www.`; null for anything that is not http(s). */
function hostOfUrl(url: string): string | null {
  const m = /^https?:\/\/([^/:?#]+)/i.exec(url);
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

function dedupeByHost(sites: ProtectedSite[]): ProtectedSite[] {
  return sites.filter((site, i) => sites.findIndex((s) => s.host === site.host) === i);
}

/** Every hotline and helpline of the reporting directory (src/report/directory.json, each with its own source). */
function directorySites(): ProtectedSite[] {
  type Entry = { name: string; source: string; reportUrl?: string; url?: string };
  const countries = directory.countries as Record<string, { hotline: Entry; helpline: Entry }>;
  const all = [...Object.values(countries), directory.international as { hotline: Entry; helpline: Entry }];
  const sites: ProtectedSite[] = [];
  for (const { hotline, helpline } of all) {
    const hotlineHost = hostOfUrl(hotline.reportUrl ?? '');
    const helplineHost = hostOfUrl(helpline.url ?? '');
    if (hotlineHost) sites.push({ host: hotlineHost, kind: 'hotline', name: hotline.name, source: hotline.source });
    if (helplineHost) sites.push({ host: helplineHost, kind: 'helpline', name: helpline.name, source: helpline.source });
  }
  return sites;
}

/**
 * Sites no category may ever block: child helplines, INHOPE hotlines, Insafe centres, suicide prevention, sexual
 * health and LGBTQ+ youth resources (over-blocking them is the best documented harm of filters: DOMAIN.md §4,
 * EFF "Red Flag Machine", ACLU "Don't Filter Me"). Compiled into the always-on `protected` ruleset at the top
 * priority, and removed from every category list at build time.
 */
export const HELP_SITES: readonly ProtectedSite[] = dedupeByHost([
  // Hotlines (INHOPE members and reporting portals) — the reporting issue sends reports here.
  { host: 'inhope.org', kind: 'hotline', name: 'INHOPE', source: DOMAIN('§3c') },
  { host: 'iwf.org.uk', kind: 'hotline', name: 'Internet Watch Foundation', source: DOMAIN('§3c (report.iwf.org.uk)') },
  { host: 'cybertip.org', kind: 'hotline', name: 'NCMEC CyberTipline', source: DOMAIN('§3b–§3c (report.cybertip.org)') },
  { host: 'missingkids.org', kind: 'hotline', name: 'NCMEC', source: OFFICIAL },
  { host: 'pointdecontact.net', kind: 'hotline', name: 'Point de Contact', source: DOMAIN('§3c') },
  { host: 'jugendschutz.net', kind: 'hotline', name: 'jugendschutz.net', source: DOMAIN('§3c') },
  { host: 'internet-beschwerdestelle.de', kind: 'hotline', name: 'eco + FSM Internet-Beschwerdestelle', source: DOMAIN('§3c') },
  { host: 'meldpunt-kinderporno.nl', kind: 'hotline', name: 'Meldpunt Kinderporno (Offlimits)', source: DOMAIN('§3c') },
  { host: 'stopchildporno.be', kind: 'hotline', name: 'Child Focus hotline', source: DOMAIN('§3c') },
  { host: 'childfocus.be', kind: 'hotline', name: 'Child Focus', source: DOMAIN('§3c') },
  { host: 'stop-it.savethechildren.it', kind: 'hotline', name: 'Save the Children STOP-IT', source: DOMAIN('§3c') },
  { host: 'stopline.at', kind: 'hotline', name: 'Stopline (ISPA)', source: DOMAIN('§3c') },
  { host: 'internethotline.hu', kind: 'hotline', name: 'NMHH Internet Hotline', source: DOMAIN('§3c') },
  { host: 'cnzd.org', kind: 'hotline', name: 'CNZD', source: DOMAIN('§3c') },
  { host: 'stopncii.org', kind: 'hotline', name: 'StopNCII (intimate-image abuse)', source: OFFICIAL },
  // Child helplines (116 111 network).
  { host: 'childhelplineinternational.org', kind: 'helpline', name: 'Child Helpline International', source: DOMAIN('§3d') },
  { host: 'childline.org.uk', kind: 'helpline', name: 'Childline (UK)', source: OFFICIAL },
  { host: 'nspcc.org.uk', kind: 'helpline', name: 'NSPCC', source: OFFICIAL },
  { host: 'nummergegenkummer.de', kind: 'helpline', name: 'Nummer gegen Kummer', source: OFFICIAL },
  { host: 'kindertelefoon.nl', kind: 'helpline', name: 'De Kindertelefoon', source: OFFICIAL },
  { host: 'e-enfance.org', kind: 'helpline', name: 'e-Enfance / 3018', source: OFFICIAL },
  { host: 'kidshelpphone.ca', kind: 'helpline', name: 'Kids Help Phone', source: OFFICIAL },
  { host: 'kidshelpline.com.au', kind: 'helpline', name: 'Kids Helpline', source: OFFICIAL },
  // Safer Internet Centres (Insafe) and education.
  { host: 'betterinternetforkids.eu', kind: 'safer-internet', name: 'Better Internet for Kids (Insafe)', source: DOMAIN('§3c–§3d') },
  { host: 'better-internet-for-kids.europa.eu', kind: 'safer-internet', name: 'Better Internet for Kids (Insafe)', source: DOMAIN('§3c') },
  { host: 'klicksafe.de', kind: 'safer-internet', name: 'klicksafe (Insafe DE)', source: DOMAIN('§3c') },
  { host: 'thinkuknow.co.uk', kind: 'safer-internet', name: 'Thinkuknow (CEOP)', source: DOMAIN('§3e') },
  { host: 'thinkuknow.org.au', kind: 'safer-internet', name: 'ThinkUKnow Australia (ACCCE)', source: DOMAIN('§3e') },
  // Suicide prevention.
  { host: 'samaritans.org', kind: 'suicide-prevention', name: 'Samaritans', source: OFFICIAL },
  { host: '988lifeline.org', kind: 'suicide-prevention', name: '988 Suicide & Crisis Lifeline', source: OFFICIAL },
  { host: 'befrienders.org', kind: 'suicide-prevention', name: 'Befrienders Worldwide', source: OFFICIAL },
  { host: 'crisistextline.org', kind: 'suicide-prevention', name: 'Crisis Text Line', source: OFFICIAL },
  { host: 'telefonseelsorge.de', kind: 'suicide-prevention', name: 'TelefonSeelsorge', source: OFFICIAL },
  // Sexual health (scarleteen.com is in the shipped adult list: a false positive found by our own check).
  { host: 'scarleteen.com', kind: 'sexual-health', name: 'Scarleteen', source: `${OFFICIAL}; listed in adult.txt` },
  { host: 'brook.org.uk', kind: 'sexual-health', name: 'Brook', source: OFFICIAL },
  { host: 'plannedparenthood.org', kind: 'sexual-health', name: 'Planned Parenthood', source: OFFICIAL },
  { host: 'loveisrespect.org', kind: 'sexual-health', name: 'love is respect (dating abuse)', source: OFFICIAL },
  // LGBTQ+ youth.
  { host: 'thetrevorproject.org', kind: 'lgbtq-youth', name: 'The Trevor Project', source: OFFICIAL },
  { host: 'itgetsbetter.org', kind: 'lgbtq-youth', name: 'It Gets Better Project', source: OFFICIAL },
  { host: 'switchboard.lgbt', kind: 'lgbtq-youth', name: 'Switchboard LGBT+ helpline', source: OFFICIAL },
  // Hotlines and helplines the report dialog sends children to.
  ...directorySites(),
]);

/**
 * Popular benign sites wrongly present in the shipped lists (shared/data/blocklists/SOURCE.md; DOMAIN.md §8).
 * Allowed above every category but below a parent's explicit "always block".
 */
export const FALSE_POSITIVES: readonly ProtectedSite[] = [
  { host: 'eventbrite.com', kind: 'false-positive', name: 'Eventbrite (in dating.txt)', source: DOMAIN('§8 known false positives') },
  { host: 'ke.com', kind: 'false-positive', name: 'Beike real estate (in phishing.txt)', source: DOMAIN('§8 known false positives') },
  { host: 'telegra.ph', kind: 'false-positive', name: 'Telegraph publishing (in malware.txt)', source: DOMAIN('§8 known false positives') },
  { host: 'dmm.com', kind: 'false-positive', name: 'DMM general portal (in adult.txt)', source: DOMAIN('§8 known false positives') },
];

export const PROTECTED_SITES: readonly ProtectedSite[] = [...HELP_SITES, ...FALSE_POSITIVES];
export const PROTECTED_HOSTS: readonly string[] = PROTECTED_SITES.map((s) => s.host);

export const PROTECTED_RULESET_ID = 'protected';

/** The always-enabled `protected` ruleset: one `allowAllRequests` rule per priority tier. */
export function compileProtected(help: readonly ProtectedSite[] = HELP_SITES, falsePositives: readonly ProtectedSite[] = FALSE_POSITIVES): Rule[] {
  const rule = (id: number, priority: number, sites: readonly ProtectedSite[]): Rule => ({
    id,
    priority,
    action: { type: 'allowAllRequests' },
    condition: { requestDomains: [...new Set(sites.map((s) => s.host))].sort(), resourceTypes: [...FRAME_TYPES] },
  });
  const rules: Rule[] = [];
  if (help.length) rules.push(rule(1, PRIORITY.protected, help));
  if (falsePositives.length) rules.push(rule(2, PRIORITY.falsePositive, falsePositives));
  return rules;
}
