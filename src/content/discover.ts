/**
 * Message discovery: which DOM elements read as messages (chat bubbles, comments, posts, list items), what their
 * text and author are, and which conversation they belong to. Pure DOM reads: no layout, no computed styles
 * (visibility is left to an IntersectionObserver), no writes.
 */

/** Longest text taken from one message (the classifier windows long texts; a 1 MB text node costs a slice). */
export const MAX_TEXT = 1200;
/** Fewest non-space characters for a text to count. */
const MIN_CHARS = 1;

/** Subtrees that never hold messages the child reads: code, scripts, form fields, navigation, our own UI. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'TEXTAREA', 'INPUT', 'SELECT',
  'OPTION', 'BUTTON', 'NAV', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE', 'LABEL',
  'HAVEN-WARNING', 'HAVEN-BANNER', 'VIDEO', 'AUDIO', 'TIME', 'MENU', 'DATALIST', 'OUTPUT',
]);
const SKIP_ROLES = new Set([
  'navigation', 'menu', 'menubar', 'menuitem', 'toolbar', 'button', 'tab', 'tablist', 'search', 'searchbox',
  'textbox', 'combobox', 'tooltip', 'code', 'banner', 'contentinfo', 'img', 'progressbar', 'slider', 'switch',
]);
/** Inline elements: a text inside them belongs to the nearest enclosing block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'MARK', 'Q', 'RP',
  'RT', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'U', 'WBR', 'IMG', 'STRIKE', 'TT', 'BIG',
]);
/** Tags that are messages by themselves. */
const MESSAGE_TAGS = new Set(['ARTICLE', 'LI', 'BLOCKQUOTE', 'DD']);
const MESSAGE_ROLES = new Set(['article', 'listitem', 'comment', 'row', 'treeitem']);
/** Class/id/testid tokens naming one message (not a list of them). */
const MESSAGE_TOKEN = /^(?:[a-z0-9]+[-_])*(?:message|msg|comment|post|bubble|reply|tweet|status|entry|chatline|chat-line|toot)(?:[-_](?:item|row|bubble|wrapper|container|card|box|block|body|content))?$/i;
/** Tokens naming a container of messages (one conversation). */
const CONVERSATION_TOKEN = /(?:^|[-_])(?:messages|msgs|chat|chatlog|conversation|thread|comments|replies|timeline|feed|log|transcript|posts|discussion|forum|topic)(?:$|[-_])/i;
const CONVERSATION_ROLES = new Set(['log', 'feed', 'list', 'tree', 'grid', 'table']);
/** Tokens naming the author part of a message. */
const AUTHOR_TOKEN = /(?:^|[-_])(?:author|username|user-name|user_name|sender|from|nick|nickname|handle|byline|screen-name|name)(?:$|[-_])/i;
const AUTHOR_SELECTOR = '[rel="author"], [itemprop="author"], [data-author], cite';

/** Is this element a subtree to skip entirely (its own tag, role, or state)? */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** Does any ancestor (across shadow boundaries) make this node skipped? */
export function isInSkippedSubtree(node: Node): boolean {
  let cur: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  for (let depth = 0; cur && depth < 200; depth++) {
    if (cur.nodeType === Node.ELEMENT_NODE) {
      if (isSkipped(cur as Element)) return true;
      cur = cur.parentNode;
    } else if (cur.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      cur = (cur as ShadowRoot).host ?? null;
    } else {
      return false;
    }
  }
  return false;
}

function tokensOf(el: Element): string[] {
  const out: string[] = [];
  const cls = el.getAttribute('class');
  if (cls) for (const c of cls.split(/\s+/)) if (c) out.push(c);
  const id = el.getAttribute('id');
  if (id) out.push(id);
  const testId = el.getAttribute('data-testid') ?? el.getAttribute('data-test-id');
  if (testId) out.push(testId);
  const itemType = el.getAttribute('itemtype');
  if (itemType && /Comment|Message|SocialMediaPosting|DiscussionForumPosting/i.test(itemType)) out.push('message');
  return out;
}

/** An element that is one message by its tag, role, class, id or microdata. */
export function isMessageLike(el: Element): boolean {
  if (MESSAGE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && MESSAGE_ROLES.has(role)) return true;
  if (el.hasAttribute('data-message-id') || el.hasAttribute('data-comment-id') || el.hasAttribute('data-post-id')) return true;
  return tokensOf(el).some((t) => t.length < 60 && MESSAGE_TOKEN.test(t));
}

/** An element that holds a conversation (chat log, comment list, feed, thread). */
export function isConversationLike(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CONVERSATION_ROLES.has(role)) return true;
  if (el.tagName === 'UL' || el.tagName === 'OL') return true;
  return tokensOf(el).some((t) => t.length < 60 && CONVERSATION_TOKEN.test(t) && !MESSAGE_TOKEN.test(t));
}

function parentElementOf(node: Node): Element | null {
  const p = node.parentNode;
  if (!p) return null;
  if (p.nodeType === Node.ELEMENT_NODE) return p as Element;
  return null;
}

const STOP_TAGS = new Set(['BODY', 'HTML', 'MAIN']);

/**
 * The message element a text node belongs to: the nearest message-like ancestor within a few levels of its
 * block, else the block itself. Null for text outside any element (e.g. directly in a shadow root).
 */
export function messageElementFor(text: Text): Element | null {
  const parent = parentElementOf(text);
  if (!parent) return null;
  // Sibling texts (author and body of one bubble) share the answer: look it up once per parent element.
  const cached = messageCache.get(parent);
  if (cached !== undefined) return cached;
  const found = findMessageElement(text);
  messageCache.set(parent, found);
  return found;
}

const messageCache = new WeakMap<Element, Element | null>();

function findMessageElement(text: Text): Element | null {
  let block = parentElementOf(text);
  for (let i = 0; block && INLINE_TAGS.has(block.tagName) && i < 8; i++) {
    // Link text alone is navigation ("Next page", "Reply"); a message with a link is found through its other text.
    if (block.tagName === 'A') return null;
    const up = parentElementOf(block);
    if (!up) break;
    block = up;
  }
  if (!block || STOP_TAGS.has(block.tagName)) return null;
  let cur: Element | null = block;
  for (let i = 0; cur && i < 6; i++) {
    if (STOP_TAGS.has(cur.tagName)) break;
    if (isMessageLike(cur)) return cur;
    if (i > 0 && isConversationLike(cur)) break;
    cur = parentElementOf(cur);
  }
  // A heading on its own is a page or section title, not a message.
  return HEADING_TAGS.has(block.tagName) ? null : block;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION', 'FIGCAPTION', 'SUMMARY']);

/** Is `el` an author label inside a message? */
export function isAuthorElement(el: Element): boolean {
  if (el.matches(AUTHOR_SELECTOR)) return true;
  return tokensOf(el).some((t) => t.length < 40 && AUTHOR_TOKEN.test(t));
}

export interface ExtractedMessage {
  text: string;
  author?: string;
}

/**
 * Text and author of a message element, capped at MAX_TEXT. Skips code, hidden and editable parts, our own UI,
 * nested messages (replies inside a comment) and the author label (returned separately).
 */
export function extractMessage(el: Element, isNestedMessage: (e: Element) => boolean = () => false): ExtractedMessage {
  const parts: string[] = [];
  let length = 0;
  let author: string | undefined;
  const dataAuthor = el.getAttribute('data-author');
  if (dataAuthor) author = dataAuthor.slice(0, 80);
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const e = node as Element;
      if (e === el) return NodeFilter.FILTER_SKIP;
      if (isSkipped(e) || isNestedMessage(e)) return NodeFilter.FILTER_REJECT;
      if (author === undefined && isAuthorElement(e)) {
        const name = (e.textContent ?? '').slice(0, 200).replace(/\s+/g, ' ').trim().replace(/:$/, '');
        if (name) author = name.slice(0, 80);
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n && length < MAX_TEXT; n = walker.nextNode()) {
    const data = (n as Text).data;
    const piece = data.length > MAX_TEXT ? data.slice(0, MAX_TEXT) : data;
    parts.push(piece);
    length += piece.length;
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return author ? { text, author } : { text };
}

/** Whether a text node carries readable content. */
export function hasContent(text: Text): boolean {
  const d = text.data;
  if (d.length < MIN_CHARS) return false;
  // Cheap check without building a trimmed copy of a huge string.
  for (let i = 0; i < d.length && i < 64; i++) if (d.charCodeAt(i) > 32 && d.charCodeAt(i) !== 160) return true;
  return d.length > 64 && d.trim().length > 0;
}

/**
 * The conversation a message belongs to: the nearest conversation-like ancestor within a few levels, else its
 * parent (messages that are siblings form one conversation). Crosses a shadow boundary to the host.
 */
export function conversationFor(msg: Element): Node {
  const parent = msg.parentNode;
  if (!parent) return msg;
  let conv = conversationCache.get(parent);
  if (!conv) {
    conv = findConversation(msg);
    conversationCache.set(parent, conv);
  }
  return conv;
}

const conversationCache = new WeakMap<Node, Node>();

function findConversation(msg: Element): Node {
  let cur: Node | null = msg.parentNode;
  let fallback: Node | null = null;
  for (let i = 0; cur && i < 10; i++) {
    if (cur.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      // A web component renders each message in its own shadow root: keep looking past its host.
      fallback ??= cur;
      cur = (cur as ShadowRoot).host ?? null;
      continue;
    }
    if (cur.nodeType !== Node.ELEMENT_NODE) break;
    const el = cur as Element;
    if (STOP_TAGS.has(el.tagName)) break;
    if (isConversationLike(el)) return el;
    fallback ??= el;
    cur = el.parentNode;
  }
  return fallback ?? msg;
}

/** Hosts are inserted as a sibling of the message, except where the parent only allows certain children. */
export function mustInsertInside(msg: Element): boolean {
  if (['LI', 'TR', 'TD', 'TH', 'DT', 'DD', 'OPTION'].includes(msg.tagName)) return true;
  const parent = msg.parentElement;
  if (!parent) return false;
  if (['UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'SELECT', 'MENU'].includes(parent.tagName)) return true;
  const role = parent.getAttribute('role');
  return !!role && ['list', 'feed', 'grid', 'row', 'rowgroup', 'table', 'listbox', 'menu', 'tablist', 'tree', 'treegrid', 'radiogroup'].includes(role);
}
