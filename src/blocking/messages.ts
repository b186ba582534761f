/** Messages of the blocking feature (blocked page, options). Filled in by the category-blocking work. */
export const blockingMessages = {};
