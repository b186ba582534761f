/**
 * What a child can report, in the words the report dialog uses, and what each category means to the people who
 * receive it: the DSA Art. 16(2)(a) explanation, the NCMEC CyberTipline incident type and annotations
 * (shared/DOMAIN.md §3a–3b), the evidence rule (§3e) and where the report should go (§3c–3d).
 */
export const REPORT_CATEGORIES = ['bullying', 'grooming', 'sextortion', 'csam', 'hate', 'threat', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** NCMEC CyberTipline `incidentSummary.incidentType` values Haven can map to (Constants/IncidentType). */
export type NcmecIncidentType =
  | 'Child Pornography'
  | 'Online Enticement of Children for Sexual Act'
  | 'Unsolicited Obscene Material Sent to a Child';
/** NCMEC `reportAnnotations` (Constants/ReportAnnotation). */
export type NcmecAnnotation = 'sextortion' | 'csamSolicitation' | 'minorToMinorInteraction' | 'spam';

export type Audience = 'hotline' | 'helpline';

export interface CategoryRules {
  /** DSA Art. 16(2)(a): why the content is alleged to be illegal or harmful (English, for the receiving analyst). */
  dsaReason: string;
  /** Offences under Arts 3–7 of Directive 2011/93/EU may be notified anonymously (DSA 16(2)(c)). */
  dsaAnonymousAllowed: boolean;
  ncmec: { incidentType: NcmecIncidentType | null; annotations: NcmecAnnotation[]; escalateToHighPriority: boolean };
  /**
   * Evidence rule. `urlOnly`: suspected CSAM is reported by its URL and nothing else: no text copy, no screenshot,
   * no image, anywhere. `screenshot`: whether a picture of the visible conversation may be taken at all.
   */
  urlOnly: boolean;
  screenshot: boolean;
  /** Where the report goes, best first. */
  audiences: Audience[];
}

export const CATEGORY_RULES: Record<ReportCategory, CategoryRules> = {
  bullying: {
    dsaReason:
      'Cyberbullying of a child: the content insults, harasses, humiliates or intimidates a minor (harassment, insult or stalking offences under national law).',
    dsaAnonymousAllowed: false,
    ncmec: { incidentType: null, annotations: [], escalateToHighPriority: false },
    urlOnly: false,
    screenshot: true,
    audiences: ['helpline'],
  },
  grooming: {
    dsaReason:
      'Grooming / online enticement: an adult or older person solicits a child for sexual purposes (Directive 2011/93/EU Art. 6).',
    dsaAnonymousAllowed: true,
    ncmec: { incidentType: 'Online Enticement of Children for Sexual Act', annotations: [], escalateToHighPriority: false },
    urlOnly: false,
    screenshot: true,
    audiences: ['helpline', 'hotline'],
  },
  sextortion: {
    dsaReason:
      'Sextortion: a child is threatened or coerced to send sexual images or money (Directive 2011/93/EU Arts 3–6; extortion).',
    dsaAnonymousAllowed: true,
    ncmec: { incidentType: 'Online Enticement of Children for Sexual Act', annotations: ['sextortion'], escalateToHighPriority: true },
    // The threat messages are kept as text; a screenshot could contain the child's own images, so none is taken.
    urlOnly: false,
    screenshot: false,
    audiences: ['hotline', 'helpline'],
  },
  csam: {
    dsaReason:
      'Suspected child sexual abuse material (Directive 2011/93/EU Art. 5). Reported by URL only; no copy of the material was made.',
    dsaAnonymousAllowed: true,
    ncmec: { incidentType: 'Child Pornography', annotations: [], escalateToHighPriority: true },
    urlOnly: true,
    screenshot: false,
    audiences: ['hotline'],
  },
  hate: {
    dsaReason:
      'Illegal hate speech: incitement to violence or hatred against a group or a member of a group (Framework Decision 2008/913/JHA; national law).',
    dsaAnonymousAllowed: false,
    ncmec: { incidentType: null, annotations: [], escalateToHighPriority: false },
    urlOnly: false,
    screenshot: true,
    audiences: ['helpline'],
  },
  threat: {
    dsaReason: 'Threat of violence against a child or others (threat or coercion offences under national law).',
    dsaAnonymousAllowed: false,
    ncmec: { incidentType: null, annotations: [], escalateToHighPriority: false },
    urlOnly: false,
    screenshot: true,
    audiences: ['helpline'],
  },
  other: {
    dsaReason: 'Content harmful to a child, described in the reporter’s own words.',
    dsaAnonymousAllowed: false,
    ncmec: { incidentType: null, annotations: [], escalateToHighPriority: false },
    urlOnly: false,
    screenshot: true,
    audiences: ['helpline'],
  },
};

/** The good-faith statement of DSA Art. 16(2)(d), sent in English with every report. */
export const GOOD_FAITH_STATEMENT =
  'I believe in good faith that the information and allegations in this notice are accurate and complete.';

/** The category the dialog suggests first for a classifier label (the child can always change it). */
export function suggestCategory(label: string | undefined): ReportCategory | null {
  switch (label) {
    case 'bullying':
      return 'bullying';
    case 'grooming':
      return 'grooming';
    case 'hate':
      return 'hate';
    case 'threat':
      return 'threat';
    // 'sexual' could be many things (including CSAM): never guess, let the child say.
    default:
      return null;
  }
}
