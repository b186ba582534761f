// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { conversationFor, extractMessage, hasContent, isInSkippedSubtree, isMessageLike, messageElementFor, mustInsertInside, MAX_TEXT } from './discover';

function html(markup: string): void {
  // Test fixtures only: markup written here, never page text.
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
}
const text = (sel: string) => {
  const el = document.querySelector(sel)!;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text;
};

describe('message discovery', () => {
  beforeEach(() => html(''));

  it('maps the text of a chat bubble to the bubble, not its inner spans', () => {
    html('<div role="log"><div class="message" id="m"><span class="author">Kai</span><span class="text" id="t">hi <b>there</b></span></div></div>');
    expect(messageElementFor(text('#t'))?.id).toBe('m');
    expect(messageElementFor(text('b'))?.id).toBe('m');
    expect(conversationFor(document.getElementById('m')!).nodeName).toBe('DIV');
    expect((conversationFor(document.getElementById('m')!) as Element).getAttribute('role')).toBe('log');
  });

  it('finds comments by class, list items and articles by tag', () => {
    html('<div class="comment" id="c"><p id="p">nice one</p></div><ul><li id="li">item text</li></ul><article id="a"><p id="ap">post</p></article>');
    expect(messageElementFor(text('#p'))?.id).toBe('c');
    expect(messageElementFor(text('#li'))?.id).toBe('li');
    expect(messageElementFor(text('#ap'))?.id).toBe('a');
    expect(isMessageLike(document.getElementById('c')!)).toBe(true);
    expect(isMessageLike(document.createElement('div'))).toBe(false);
  });

  it('skips navigation, code, form fields, editable and hidden text, link-only blocks and headings', () => {
    html(`<nav><p id="n">menu</p></nav><pre><code id="code">kill()</code></pre><textarea id="ta">draft</textarea>
      <div contenteditable="true"><p id="ce">typing</p></div><div aria-hidden="true"><p id="h">hidden</p></div>
      <div class="pagination"><a id="next" href="#">Next page</a></div><h1 id="h1">Title</h1>`);
    for (const id of ['#n', '#code', '#ta', '#ce', '#h']) expect(isInSkippedSubtree(text(id)), id).toBe(true);
    expect(messageElementFor(text('#next'))).toBeNull();
    expect(messageElementFor(text('#h1'))).toBeNull();
  });

  it('extracts text without nested replies or the author label, capped', () => {
    html('<div class="comment" id="c"><span class="username">ann</span><p>first</p><div class="comment" id="r"><p>reply</p></div></div>');
    const outer = document.getElementById('c')!;
    const inner = document.getElementById('r')!;
    expect(extractMessage(outer, (e) => e === inner)).toEqual({ text: 'first', author: 'ann' });
    html(`<div class="message" id="big"><span>${'a'.repeat(5000)}</span></div>`);
    expect(extractMessage(document.getElementById('big')!).text.length).toBe(MAX_TEXT);
  });

  it('treats whitespace as empty and emoji as content', () => {
    expect(hasContent(document.createTextNode('  \n\t '))).toBe(false);
    expect(hasContent(document.createTextNode('😂'))).toBe(true);
    expect(hasContent(document.createTextNode(' '.repeat(100) + 'x'))).toBe(true);
  });

  it('puts the warning inside list items and table rows, beside anything else', () => {
    html('<ul><li id="li">x</li></ul><table><tbody><tr id="tr"><td id="td">y</td></tr></tbody></table><div id="d">z</div>');
    expect(mustInsertInside(document.getElementById('li')!)).toBe(true);
    expect(mustInsertInside(document.getElementById('td')!)).toBe(true);
    expect(mustInsertInside(document.getElementById('d')!)).toBe(false);
  });
});
