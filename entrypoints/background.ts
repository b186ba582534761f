import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleMessages } from '@/src/messaging';
import { coreHandlers, watchTabs } from '@/src/background/core';
import { blockingHandlers, startBlocking } from '@/src/blocking/background';
import { reportHandlers, startReporting } from '@/src/report/background';
import { openSetupOnInstall, parentsHandlers, startParents } from '@/src/parents/background';
import { inlineHandlers } from '@/src/content/background';

export default defineBackground(() => {
  // Listeners first and synchronously: a message that wakes the service worker must find its handler.
  handleMessages({ ...coreHandlers, ...blockingHandlers, ...reportHandlers, ...parentsHandlers, ...inlineHandlers });
  watchTabs();
  startBlocking();
  startReporting();
  startParents();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openSetupOnInstall();
  });
});
