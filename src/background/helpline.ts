import { directoryEntry } from '../report/directory';

/**
 * Where "Get help" goes: the child helpline of the parent's country from the reporting directory
 * (`src/report/directory.json`, every entry with its source and last-verified date). Countries without a verified
 * helpline fall back to the Insafe / Child Helpline International directories, with no phone number rather than a
 * guessed one.
 */
export interface HelplineLink {
  name: string;
  phone: string | null;
  url: string;
}

export function helplineFor(country: string): HelplineLink {
  const { name, phone, url } = directoryEntry(country).helpline;
  return { name, phone, url };
}
