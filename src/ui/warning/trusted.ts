/**
 * The warning and banner live in an open shadow root inside the page, so page scripts can reach their buttons.
 * Only a real click or key press by the child may act: a scripted `click()` from the page must not reveal a
 * blurred message, dismiss a warning ("This is OK" is remembered) or open windows.
 */
export function userOnly(action: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) action();
  };
}
