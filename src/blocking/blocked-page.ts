import type { Translate } from '../i18n';
import type { UnblockResponse } from './messages';

/** The blocked page's message for a failed unblock (pure, so the wording is unit-tested). */
export function unblockErrorMessage(t: Translate, result: Extract<UnblockResponse, { ok: false }>): string {
  switch (result.reason) {
    case 'wrong':
      return t('blocked_wrong_pin');
    case 'locked':
      return t('blocked_locked_out', Math.ceil(result.retryAfterMs / 1000));
    case 'no-pin':
      return t('blocked_no_pin');
    case 'bad-site':
      return t('blocked_bad_site');
    case 'locked-by-policy':
      return t('blocked_policy');
  }
}
