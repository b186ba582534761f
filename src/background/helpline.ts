/**
 * Where "Get help" goes until the reporting work's per-country directory lands (directory URL as listed in shared/DOMAIN.md §3d): 116 111 is the EU-reserved
 * child helpline number (EU decision of 29 Oct 2007; childhelplineinternational.org/15-years-of-116111/).
 */
export interface HelplineLink {
  name: string;
  phone: string | null;
  url: string;
}

export function helplineFor(_country: string): HelplineLink {
  return {
    name: 'Child Helpline International',
    phone: '116 111',
    url: 'https://www.childhelplineinternational.org/find-a-helpline/',
  };
}
