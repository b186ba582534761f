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
- test/fixtures/pages/inline/chat.html: chat app; #harmful-1 gets data-haven-flag and a <haven-warning>
- test/fixtures/pages/inline/{comments,forum,feed,iframe-outer,webcomponent}.html: comment thread, forum table,
  infinite-scroll feed, chat in a cross-origin iframe, web-component chat in shadow roots
- test/fixtures/pages/inline/grooming.html (one <haven-banner>) and ordinary.html (none)
- test/fixtures/pages/inline/{huge-text,big-dom,mutation-storm,hostile,text-variety}.html: robustness
- Real sites to try by hand: a YouTube comment section, a Discord web channel, a Reddit thread.
*/
