/** Messages of the reporting feature (report dialog, popup outbox). Filled in by the reporting work. */
export const reportMessages = {};
