import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleMessages } from '@/src/messaging';
import { coreHandlers, watchTabs } from '@/src/background/core';
import { blockingHandlers, startBlocking } from '@/src/blocking/background';
import { reportHandlers, startReporting } from '@/src/report/background';

export default defineBackground(() => {
  // Listeners first and synchronously: a message that wakes the service worker must find its handler.
  handleMessages({ ...coreHandlers, ...blockingHandlers, ...reportHandlers });
  watchTabs();
  startBlocking();
  startReporting();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
