import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '@/src/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startContent(ctx);
  },
});

/*
Test URLs:
- test/fixtures/pages/basic.html (served by test/helpers/fixture-server.ts): content script runs, frame recorded
- test/fixtures/pages/with-iframe.html: runs in the top frame and in a cross-origin iframe
*/
