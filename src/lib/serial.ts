/**
 * Runs async read-modify-write steps one after another. Storage has no transactions, and two messages handled
 * at once (a page and its iframe saying hello) would otherwise overwrite each other's update.
 */
export function serial(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>) => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}
