import { directoryEntry } from '../report/directory';

/** Where "Get help" goes: the child helpline of the configured country (sources in src/report/directory.json). */
export interface HelplineLink {
  name: string;
  phone: string | null;
  url: string;
}

export function helplineFor(country: string): HelplineLink {
  const { name, phone, url } = directoryEntry(country).helpline;
  return { name, phone, url };
}
