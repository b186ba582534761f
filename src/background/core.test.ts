import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem } from '../storage/items';
import { defaultSettings } from '../settings/defaults';
import { coreHandlers } from './core';
import type { Handler } from '../messaging/router';

beforeEach(() => fakeBrowser.reset());

it('keeps in-page warnings on a site a parent always-allows (allowSites only lifts blocking)', async () => {
  await settingsItem.setValue({ ...defaultSettings(), allowSites: ['chat.example'] });
  const hello = coreHandlers['content.hello'] as Handler<'content.hello'>;
  const sender = { id: 'x', url: 'https://www.chat.example/room', tab: { id: 3, url: 'https://www.chat.example/room' }, frameId: 0 };
  expect(await hello({ url: 'https://www.chat.example/room', top: true }, sender)).toEqual({ tabId: 3, frameId: 0, enabled: true });
});
