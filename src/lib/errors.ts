/** Logs each distinct error once (a content script on a busy page must not flood the console). */
const seen = new Set<string>();

export function logErrorOnce(where: string, error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  const key = `${where}:${text}`;
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(`[Haven] ${where}: ${text}`);
}

/** "Extension context invalidated": the extension was reloaded or updated; the old content script stops quietly. */
export function isContextInvalidated(error: unknown): boolean {
  return /context invalidated|Receiving end does not exist/i.test(error instanceof Error ? error.message : String(error));
}

/** Logs a failed background API call with its name (uBO style `updateEnabledRulesets: <reason>`). */
export function logCallError(scope: string, call: string, error: unknown): void {
  console.error(`[haven/${scope}] ${call}:`, error instanceof Error ? error.message : error);
}
