/**
 * In-page protection: finds the messages a child reads, classifies them on-device in idle time, and puts a calm
 * warning next to the harmful ones; groups chat messages into conversations and raises one banner when a
 * conversation shows a grooming pattern. Nothing about the page leaves the device: only counts per label go to
 * the background (`stats.record`), and "This is OK" keeps SHA-256 digests, never text.
 *
 * Cost model: discovery walks the DOM in time-sliced idle work; an IntersectionObserver decides which messages
 * are read (near the viewport), so a 2,000-message page classifies only what is on screen; the model (in the
 * background, once for all tabs) is woken only once the page shows message-like structure; verdicts are cached
 * by text hash. Design and measurements: ./README.md.
 */
import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LABELS, type CueKind, type Label, type Scores, type Sensitivity } from '../classifier/types';
import type { Translate } from '../i18n';
import { warningTranslator } from './strings';
import { isContextInvalidated, logErrorOnce } from '../lib/errors';
import { send as sendMessage } from './send';
import type { StatEvent } from '../messaging/core-messages';
import type { Settings } from '../settings/schema';
import { okTextsItem, settingsItem } from '../storage/items';
import { BannerView } from '../ui/warning/banner-view';
import { primaryLabel, WarningView } from '../ui/warning/warning-view';
import {
  conversationFor, extractMessage, hasContent, isInSkippedSubtree, isMessageLike, isSkipped, messageElementFor,
  mustInsertInside,
} from './discover';
import type { InlineEngine } from './engine-types';
import { loadEngine } from './engine-client';
import { quickHash, sha256Hex } from './hash';
import { createScheduler, type Slice } from './scheduler';
import { mountUi, type MountedUi } from './ui';
import type { PageStatus } from './messages';

/** Labels judged per message. Grooming is a pattern across a conversation: it is judged per conversation only. */
const MESSAGE_LABELS: readonly Label[] = LABELS.filter((l) => l !== 'grooming');
/** A conversation banner needs the classifier's risk over threshold *and* at least this many kinds of cues. */
const MIN_CUE_KINDS = 2;
/** Messages of one conversation kept for its assessment (the most recent ones). */
const CONVERSATION_WINDOW = 60;
/** Mutation records in one callback beyond which the added nodes are not walked one by one (huge-mutation path). */
const HUGE_MUTATION = 400;
const VERDICT_CACHE = 5000;
/** Target duration of one classification task. */
const TASK_TARGET_MS = 20;

interface Msg {
  el: Element;
  conv: Node;
  state: 'new' | 'visible' | 'done';
  text: string;
  author?: string;
  hash: string;
  labels: Label[];
  warning?: Warning;
  counted: boolean;
  /** Part of a grooming pattern (messages of the author behind the cues); blurred while the banner is up. */
  groomed?: { restore: (() => void) | null };
}

interface Warning {
  ui: MountedUi | null;
  mounting: boolean;
  revealed: boolean;
  mode: 'blur' | 'label';
  restoreBlur: (() => void) | null;
  remounts: number;
  recheck: boolean;
}

interface Conv {
  node: Node;
  messages: Msg[];
  dirty: boolean;
  assessing: boolean;
  banner: MountedUi | null;
  bannerMounting: boolean;
  dismissed: boolean;
  cues: CueKind[];
  remounts: number;
  groomed: Msg[];
  revealed: boolean;
}

export interface InlineOptions {
  status: PageStatus;
  /** Injected for tests; defaults to this build's engine (the background one). */
  loadEngine?: () => Promise<InlineEngine>;
}

export class InlineProtection {
  private readonly msgs = new WeakMap<Element, Msg>();
  private readonly live = new Set<Msg>();
  private readonly convs = new Map<Node, Conv>();
  private readonly verdicts = new Map<string, Scores>();
  private readonly roots: Node[] = [];
  private walker: TreeWalker | null = null;
  private readonly toClassify: Msg[] = [];
  private readonly scheduler = createScheduler({ budgetMs: 8, timeoutMs: 120 });
  private io!: IntersectionObserver;
  private mo!: MutationObserver;
  private readonly observedRoots = new WeakSet<Node>();
  private settings!: Settings;
  private t!: Translate;
  private ok = new Set<string>();
  private engine: InlineEngine | null = null;
  private engineState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private messageLike = false;
  private pumpScheduled = false;
  private batchSize = 8;
  private stopped = false;
  private rescanTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly convCounts = new WeakMap<Node, number>();
  private applied = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly opts: InlineOptions,
  ) {}

  async start(): Promise<void> {
    const [settings, ok] = await Promise.all([settingsItem.getValue(), okTextsItem.getValue()]);
    if (this.stopped || !this.ctx.isValid) return;
    this.applySettings(settings);
    this.ok = new Set(ok);
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '600px 0px 600px 0px' });
    this.mo = new MutationObserver((records) => this.onMutations(records));
    this.observeRoot(document);
    this.addRoot(document.body ?? document.documentElement);
    const unwatchSettings = settingsItem.watch((next) => {
      if (!next) return;
      this.applySettings(next);
      this.reevaluateAll();
    });
    const unwatchOk = okTextsItem.watch((next) => {
      this.ok = new Set(next ?? []);
      this.reevaluateAll();
    });
    this.ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchOk();
      this.stop();
    });
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
    this.io?.disconnect();
    this.mo?.disconnect();
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
  }

  // ---------------------------------------------------------------- settings

  private applySettings(settings: Settings): void {
    this.settings = settings;
    this.t = warningTranslator(settings.language);
  }

  private sensitivity(label: Label): Sensitivity {
    return this.settings.sensitivity?.[label] ?? 'medium';
  }

  private flagsFor(scores: Scores): Label[] {
    const engine = this.engine;
    if (!engine) return [];
    return MESSAGE_LABELS.filter((l) => scores[l] >= (engine.thresholds[this.sensitivity(l)] ?? engine.thresholds.medium)[l]);
  }

  // ---------------------------------------------------------------- discovery

  private observeRoot(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.mo.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private addRoot(node: Node): void {
    this.roots.push(node);
    this.scheduler.enqueue((slice) => this.discover(slice));
  }

  private readonly filter: NodeFilter = {
    acceptNode: (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  };

  /** Walks queued roots in time slices; returns true while work remains. */
  private discover(slice: Slice): boolean {
    let n = 0;
    for (;;) {
      if (!this.walker) {
        const root = this.roots.shift();
        if (!root) return false;
        if (!root.isConnected) continue;
        if (root.nodeType === Node.TEXT_NODE) {
          if (!isInSkippedSubtree(root)) this.onText(root as Text);
          continue;
        }
        if (root.nodeType === Node.ELEMENT_NODE) {
          if (isInSkippedSubtree(root)) continue;
          const open = (root as Element).shadowRoot;
          if (open) this.addShadowRoot(open);
        }
        this.walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, this.filter);
      }
      const node = this.walker.nextNode();
      if (!node) {
        this.walker = null;
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) this.onText(node as Text);
      else {
        const open = (node as Element).shadowRoot;
        if (open) this.addShadowRoot(open);
      }
      if ((++n & 31) === 0 && !slice.hasTime()) return true;
    }
  }

  private addShadowRoot(root: ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observeRoot(root);
    this.roots.push(root);
  }

  private onText(text: Text): void {
    if (!hasContent(text)) return;
    const el = messageElementFor(text);
    if (!el || el.nodeName.startsWith('HAVEN-')) return;
    const known = this.msgs.get(el);
    if (known) {
      if (known.state === 'done') {
        // The text of a checked message changed (edit, streaming, re-render): look at it again when visible.
        known.state = 'new';
        this.queueObserve(el);
      }
      return;
    }
    const msg: Msg = { el, conv: conversationFor(el), state: 'new', text: '', hash: '', labels: [], counted: false };
    this.msgs.set(el, msg);
    const count = (this.convCounts.get(msg.conv) ?? 0) + 1;
    this.convCounts.set(msg.conv, count);
    if (!this.messageLike && (count >= 3 || isMessageLike(el))) {
      this.messageLike = true;
      this.requestEngine();
    }
    this.queueObserve(el);
  }

  private readonly toObserve: Element[] = [];

  /**
   * Messages are handed to the IntersectionObserver in one batch once a discovery pass ends (or every 500 ms during
   * a long one): each `observe()` call requests a rendering update, so observing per slice would cost a frame
   * (style, layout, intersections for every target) per slice.
   */
  private queueObserve(el: Element): void {
    this.toObserve.push(el);
    if (this.toObserve.length === 1) {
      this.firstQueuedAt = performance.now();
      this.scheduler.enqueue(() => this.flushObserve());
    }
  }

  private firstQueuedAt = 0;

  private flushObserve(): boolean {
    const discovering = this.walker !== null || this.roots.length > 0;
    if (discovering && performance.now() - this.firstQueuedAt < 500) return true; // run again after discovery
    for (const el of this.toObserve.splice(0)) this.io.observe(el);
    return false;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (records.length > HUGE_MUTATION) {
      // Huge mutation: walking every added node would cost more than one rescan of the document, so debounce one.
      this.scheduleRescan();
      return;
    }
    for (const r of records) {
      if (r.type === 'characterData') {
        this.roots.push(r.target);
        continue;
      }
      for (const node of r.removedNodes) if (node.nodeName === 'HAVEN-WARNING' || node.nodeName === 'HAVEN-BANNER') this.onHostRemoved();
      for (const node of r.addedNodes) {
        if (node.nodeName === 'HAVEN-WARNING' || node.nodeName === 'HAVEN-BANNER') continue;
        if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) this.roots.push(node);
      }
    }
    if (this.roots.length > 5000) {
      this.roots.length = 0;
      this.scheduleRescan();
      return;
    }
    if (this.roots.length > 0) this.scheduler.enqueue((slice) => this.discover(slice));
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) return;
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = null;
      if (this.stopped) return;
      this.walker = null;
      this.roots.length = 0;
      this.addRoot(document.body ?? document.documentElement);
    }, 250);
  }

  // ---------------------------------------------------------------- visibility → classification

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const msg = this.msgs.get(entry.target);
      this.io.unobserve(entry.target);
      if (!msg || msg.state !== 'new') continue;
      msg.state = 'visible';
      this.toClassify.push(msg);
    }
    this.schedulePump();
  }

  private requestEngine(): void {
    if (this.engineState !== 'idle') return;
    this.engineState = 'loading';
    const load = this.opts.loadEngine ?? loadEngine;
    load()
      .then((engine) => {
        if (this.stopped) return;
        this.engine = engine;
        this.engineState = 'ready';
        this.schedulePump();
      })
      .catch((error) => {
        // The background may be starting or busy: retry a few times (0.5 s, 2 s, 8 s), then stay without verdicts.
        if (this.engineAttempts < 3 && !this.stopped && this.ctx.isValid) {
          this.engineState = 'idle';
          setTimeout(() => this.requestEngine(), 500 * 4 ** this.engineAttempts++);
          return;
        }
        this.engineState = 'failed';
        this.toClassify.length = 0;
        if (!isContextInvalidated(error)) logErrorOnce('inline.engine', error);
      });
  }

  private engineAttempts = 0;
  private pausedUntil = 0;

  private schedulePump(): void {
    if (this.pumpScheduled || this.stopped || !this.engine || this.toClassify.length === 0) return;
    if (performance.now() < this.pausedUntil) return;
    this.pumpScheduled = true;
    const run = () => {
      this.pumpScheduled = false;
      this.pump().catch((error) => {
        if (!isContextInvalidated(error)) logErrorOnce('inline.classify', error);
      });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  /** One classification task: extract a few visible messages, answer from the cache, classify the rest. */
  private async pump(): Promise<void> {
    const engine = this.engine;
    if (!engine || this.stopped) return;
    const start = performance.now();
    const batch: Msg[] = [];
    while (this.toClassify.length > 0 && batch.length < this.batchSize && performance.now() - start < 8) {
      const msg = this.toClassify.shift()!;
      if (!msg.el.isConnected) continue;
      const { text, author } = extractMessage(msg.el, (e) => this.msgs.has(e) || isMessageLike(e));
      msg.text = text;
      msg.author = author;
      msg.hash = text ? quickHash(text) : '';
      if (!text) {
        msg.state = 'done';
        continue;
      }
      const cached = this.verdicts.get(msg.hash);
      if (cached) this.apply(msg, cached);
      else batch.push(msg);
    }
    if (batch.length > 0) {
      const t0 = performance.now();
      let scores: Scores[];
      try {
        scores = await engine.classify(batch.map((m) => m.text));
      } catch (error) {
        // Background unavailable for now: keep the batch and try again in a few seconds (no retry storm).
        this.toClassify.unshift(...batch);
        this.pausedUntil = performance.now() + 5000;
        setTimeout(() => this.schedulePump(), 5000);
        throw error;
      }
      // An in-page model costs main-thread time per message: keep its tasks near TASK_TARGET_MS. The background
      // engine costs the page only the extraction, so it takes full batches.
      const perMessage = (performance.now() - t0) / batch.length;
      this.batchSize = engine.local ? Math.max(1, Math.min(32, Math.floor(TASK_TARGET_MS / Math.max(0.05, perMessage)))) : 32;
      batch.forEach((msg, i) => {
        const s = scores[i];
        if (!s) return;
        if (this.verdicts.size >= VERDICT_CACHE) this.verdicts.delete(this.verdicts.keys().next().value!);
        this.verdicts.set(msg.hash, s);
        this.apply(msg, s);
      });
    }
    this.assessConversations();
    this.schedulePump();
  }

  private apply(msg: Msg, scores: Scores): void {
    msg.state = 'done';
    if (!msg.counted) {
      msg.counted = true;
      this.opts.status.checked++;
    }
    this.live.add(msg);
    if (++this.applied % 500 === 0) this.prune();
    this.addToConversation(msg);
    this.decide(msg, scores);
  }

  /** Flags or unflags a message for its scores under the current settings and "This is OK" digests. */
  private decide(msg: Msg, scores: Scores): void {
    const labels = this.flagsFor(scores);
    if (labels.length === 0) {
      if (msg.labels.length) this.unflag(msg);
      return;
    }
    if (this.ok.size === 0) return this.flag(msg, labels);
    const text = msg.text;
    sha256Hex(text)
      .then((digest) => {
        if (msg.text !== text) return;
        if (this.ok.has(digest)) {
          if (msg.labels.length) this.unflag(msg);
        } else this.flag(msg, labels);
      })
      .catch((error) => logErrorOnce('inline.digest', error));
  }

  /** Forgets messages and conversations the page has removed (SPA navigation, virtualised lists). */
  private prune(): void {
    for (const msg of this.live) if (!msg.el.isConnected) this.live.delete(msg);
    for (const [node, conv] of this.convs) if (!node.isConnected && !conv.banner) this.convs.delete(node);
  }

  private reevaluateAll(): void {
    if (!this.engine) return;
    for (const msg of this.live) {
      if (!msg.el.isConnected) {
        this.live.delete(msg);
        continue;
      }
      const scores = this.verdicts.get(msg.hash);
      if (scores) this.decide(msg, scores);
    }
    for (const conv of this.convs.values()) conv.dirty = true;
    this.assessConversations();
  }

  // ---------------------------------------------------------------- warnings

  private flag(msg: Msg, labels: Label[]): void {
    const same = msg.labels.join(' ') === labels.join(' ');
    const first = msg.labels.length === 0;
    msg.labels = labels;
    this.writeFlag(msg);
    if (first) {
      this.opts.status.warnings++;
      this.recordAll(labels, 'shown');
    }
    const mode = this.settings.warningStyle?.[primaryLabel(labels)] ?? 'label';
    if (msg.warning && same && msg.warning.mode === mode) return;
    if (!msg.warning) msg.warning = { ui: null, mounting: false, revealed: false, mode, restoreBlur: null, remounts: 0, recheck: false };
    const w = msg.warning;
    w.mode = mode;
    this.setBlur(msg, mode === 'blur' && !w.revealed);
    this.renderWarning(msg);
  }

  private unflag(msg: Msg): void {
    msg.labels = [];
    this.writeFlag(msg);
    const w = msg.warning;
    msg.warning = undefined;
    if (w) {
      w.restoreBlur?.();
      w.restoreBlur = null;
      w.ui?.remove();
    }
    if (this.opts.status.warnings > 0) this.opts.status.warnings--;
  }

  private warningView(msg: Msg) {
    const w = msg.warning!;
    return h(WarningView, {
      t: this.t,
      labels: msg.labels,
      mode: w.mode,
      revealed: w.revealed,
      onReveal: () => {
        w.revealed = true;
        this.setBlur(msg, false);
        this.recordAll(msg.labels, 'revealed');
        this.renderWarning(msg);
      },
      onReport: () => this.report(msg.labels, msg.text, msg.author, this.contextOf(msg), this.verdicts.get(msg.hash)),
      onHelp: () => this.help(),
      onOk: () => this.markOk(msg),
    });
  }

  /**
   * Idempotent: updates the mounted warning, or mounts it. A host the page removed is put back a few times at
   * most (a page that keeps deleting it gets the last word rather than a loop).
   */
  private renderWarning(msg: Msg): void {
    const w = msg.warning;
    if (!w || this.stopped) return;
    if (w.ui?.host.isConnected) return w.ui.update(this.warningView(msg));
    if (w.mounting) {
      w.recheck = true;
      return;
    }
    if (w.ui) {
      if (w.remounts >= 5) return;
      w.remounts++;
      w.ui.remove();
      w.ui = null;
    }
    if (!msg.el.isConnected) return;
    w.mounting = true;
    w.recheck = false;
    this.mountQueue.push(msg);
    this.scheduleMounts();
  }

  private readonly mountQueue: Msg[] = [];
  private mountsScheduled = false;

  /** Mounts queued warnings together, before the next frame: one style and layout pass for a batch of warnings. */
  private scheduleMounts(): void {
    if (this.mountsScheduled) return;
    this.mountsScheduled = true;
    let done = false;
    const flush = () => {
      if (done) return;
      done = true;
      this.mountsScheduled = false;
      for (const msg of this.mountQueue.splice(0)) this.mountWarning(msg);
    };
    requestAnimationFrame(flush);
    setTimeout(flush, 100); // hidden frames get no animation frames
  }

  private mountWarning(msg: Msg): void {
    const w = msg.warning;
    if (!w) return;
    const placement = mustInsertInside(msg.el) ? 'first' : 'before';
    mountUi(this.ctx, 'haven-warning', msg.el, placement, this.warningView(msg))
      .then((ui) => {
        w.mounting = false;
        if (msg.warning !== w || !msg.el.isConnected || this.stopped) return ui.remove();
        w.ui = ui;
        if (w.recheck || !ui.host.isConnected) queueMicrotask(() => this.renderWarning(msg));
      })
      .catch((error) => {
        w.mounting = false;
        logErrorOnce('inline.warning', error);
      });
  }

  /** A page removed one of our hosts: put back the ones whose message is still there. */
  private onHostRemoved(): void {
    queueMicrotask(() => {
      for (const msg of this.live) if (msg.warning && !msg.warning.ui?.host.isConnected) this.renderWarning(msg);
      for (const conv of this.convs.values()) {
        if (!conv.banner || conv.banner.host.isConnected || conv.dismissed || conv.remounts >= 5) continue;
        conv.remounts++;
        conv.banner.remove();
        conv.banner = null;
        this.renderBanner(conv);
      }
    });
  }

  /** `data-haven-flag`: the message's own labels, plus `grooming` when it is part of a grooming pattern. */
  private writeFlag(msg: Msg): void {
    const labels = msg.groomed && !msg.labels.includes('grooming') ? [...msg.labels, 'grooming'] : msg.labels;
    if (labels.length) msg.el.setAttribute('data-haven-flag', labels.join(' '));
    else msg.el.removeAttribute('data-haven-flag');
  }

  private setBlur(msg: Msg, on: boolean): void {
    const w = msg.warning;
    if (!w) return;
    if (!on) {
      w.restoreBlur?.();
      w.restoreBlur = null;
      return;
    }
    w.restoreBlur ??= blurElement(msg.el as HTMLElement);
  }

  private markOk(msg: Msg): void {
    const text = msg.text;
    this.recordAll(msg.labels, 'dismissed');
    this.unflag(msg);
    sha256Hex(text)
      .then(async (digest) => {
        this.ok.add(digest);
        await sendMessage('inline.ok', { digest });
      })
      .catch((error) => logErrorOnce('inline.ok', error));
  }

  // ---------------------------------------------------------------- conversations (grooming)

  private addToConversation(msg: Msg): void {
    let conv = this.convs.get(msg.conv);
    if (!conv) {
      conv = { node: msg.conv, messages: [], dirty: false, assessing: false, banner: null, bannerMounting: false, dismissed: false, cues: [], remounts: 0, groomed: [], revealed: false };
      this.convs.set(msg.conv, conv);
    }
    if (!conv.messages.includes(msg)) {
      conv.messages.push(msg);
      if (conv.messages.length > CONVERSATION_WINDOW) conv.messages.splice(0, conv.messages.length - CONVERSATION_WINDOW);
    }
    conv.dirty = true;
  }

  /** Re-assesses conversations that gained messages (one request per conversation at a time). */
  private assessConversations(): void {
    const engine = this.engine;
    if (!engine || this.stopped) return;
    for (const conv of this.convs.values()) {
      if (!conv.dirty || conv.assessing || conv.dismissed) continue;
      conv.messages = conv.messages.filter((m) => m.el.isConnected);
      if (conv.messages.length < 3) continue;
      conv.dirty = false;
      conv.assessing = true;
      const ordered = this.ordered(conv.messages);
      const messages = ordered.map((m) => (m.author ? { author: m.author, text: m.text } : { text: m.text }));
      engine
        .assess(messages, this.sensitivity('grooming'))
        .then((verdict) => this.onVerdict(conv, verdict.flagged, verdict.cues.map((c) => ({ kind: c.kind, msg: ordered[c.messageIndex] }))))
        .catch((error) => {
          if (!isContextInvalidated(error)) logErrorOnce('inline.assess', error);
        })
        .finally(() => {
          conv.assessing = false;
          if (conv.dirty) this.assessConversations();
        });
    }
  }

  private onVerdict(conv: Conv, flagged: boolean, cues: Array<{ kind: CueKind; msg: Msg | undefined }>): void {
    if (this.stopped || conv.dismissed) return;
    const kinds = [...new Set(cues.map((c) => c.kind))];
    const risky = flagged && kinds.length >= MIN_CUE_KINDS;
    const el = conv.node.nodeType === Node.ELEMENT_NODE ? (conv.node as Element) : (conv.node as ShadowRoot).host;
    if (risky) {
      conv.cues = kinds;
      if (!conv.banner && !conv.bannerMounting) {
        this.opts.status.warnings++;
        this.record('grooming', 'shown');
      }
      el?.setAttribute('data-haven-flag', 'grooming');
      this.markGroomed(conv, cues);
      this.renderBanner(conv);
    } else if (conv.banner) {
      el?.removeAttribute('data-haven-flag');
      this.releaseGroomed(conv);
      conv.banner.remove();
      conv.banner = null;
      if (this.opts.status.warnings > 0) this.opts.status.warnings--;
    }
  }

  /**
   * The messages behind the pattern: those carrying cues from the author(s) with at least two kinds of cues (the
   * child's own answers, such as their age, are not marked). Flagged `grooming` and, with the blur style, blurred
   * until the child chooses "Show messages" or closes the banner.
   */
  private markGroomed(conv: Conv, cues: Array<{ kind: CueKind; msg: Msg | undefined }>): void {
    const kindsBy = new Map<string, Set<CueKind>>();
    for (const c of cues) if (c.msg) kindsBy.set(c.msg.author ?? '', (kindsBy.get(c.msg.author ?? '') ?? new Set()).add(c.kind));
    const blur = this.settings.warningStyle?.grooming !== 'label' && !conv.revealed;
    for (const c of cues) {
      const msg = c.msg;
      if (!msg || (kindsBy.get(msg.author ?? '')?.size ?? 0) < MIN_CUE_KINDS || msg.groomed) continue;
      msg.groomed = { restore: blur ? blurElement(msg.el as HTMLElement) : null };
      conv.groomed.push(msg);
      this.writeFlag(msg);
    }
  }

  private releaseGroomed(conv: Conv, keepFlag = false): void {
    for (const msg of conv.groomed) {
      msg.groomed?.restore?.();
      if (keepFlag) {
        if (msg.groomed) msg.groomed.restore = null;
      } else {
        msg.groomed = undefined;
        this.writeFlag(msg);
      }
    }
    if (!keepFlag) conv.groomed = [];
  }

  private ordered(messages: Msg[]): Msg[] {
    return [...messages].sort((a, b) => {
      const pos = a.el.compareDocumentPosition(b.el);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
    });
  }

  private bannerView(conv: Conv) {
    return h(BannerView, {
      t: this.t,
      cues: conv.cues,
      hidden: conv.groomed.some((m) => m.groomed?.restore),
      onReveal: () => {
        conv.revealed = true;
        this.releaseGroomed(conv, true);
        this.record('grooming', 'revealed');
        this.renderBanner(conv);
      },
      onReport: () => {
        const msgs = this.ordered(conv.messages);
        const last = msgs[msgs.length - 1];
        this.report(['grooming'], last?.text ?? '', last?.author, msgs.slice(-20).map((m) => (m.author ? `${m.author}: ${m.text}` : m.text)));
      },
      onHelp: () => this.help(),
      onClose: () => {
        conv.dismissed = true;
        this.releaseGroomed(conv, true);
        this.record('grooming', 'dismissed');
        conv.banner?.remove();
        conv.banner = null;
      },
    });
  }

  private renderBanner(conv: Conv): void {
    if (conv.banner && conv.banner.host.isConnected) return conv.banner.update(this.bannerView(conv));
    if (conv.bannerMounting) return;
    const anchor = conv.node.nodeType === Node.ELEMENT_NODE ? (conv.node as Element) : (conv.node as ShadowRoot).host;
    if (!anchor?.isConnected) return;
    conv.bannerMounting = true;
    mountUi(this.ctx, 'haven-banner', anchor, mustInsertInside(anchor) || !anchor.parentElement ? 'first' : 'before', this.bannerView(conv))
      .then((ui) => {
        conv.bannerMounting = false;
        if (conv.dismissed) return ui.remove();
        conv.banner = ui;
      })
      .catch((error) => {
        conv.bannerMounting = false;
        logErrorOnce('inline.banner', error);
      });
  }

  // ---------------------------------------------------------------- actions

  private contextOf(msg: Msg): string[] {
    const conv = this.convs.get(msg.conv);
    if (!conv) return [];
    const msgs = this.ordered(conv.messages);
    const i = msgs.indexOf(msg);
    return msgs.slice(Math.max(0, i - 5), i).map((m) => (m.author ? `${m.author}: ${m.text}` : m.text));
  }

  private statsChain: Promise<unknown> = Promise.resolve();

  /** One count at a time from this frame (the background reads, adds and writes the day's counts). */
  private record(label: Label, event: StatEvent): void {
    this.statsChain = this.statsChain.then(() =>
      sendMessage('stats.record', { label, event }).catch((error) => {
        if (!isContextInvalidated(error)) logErrorOnce('inline.stats', error);
      }),
    );
  }

  /** Counts per label (a message flagged for two reasons counts once for each). */
  private recordAll(labels: Label[], event: StatEvent): void {
    for (const label of labels) this.record(label, event);
  }

  private help(): void {
    sendMessage('help.open', {}).catch((error) => logErrorOnce('inline.help', error));
  }

  /**
   * Opens the reporting feature's dialog (`report.start`: a local draft the child reviews; nothing is sent until
   * they press Send there, and the reporting feature counts a report when it is handed over). If that fails, the
   * helpline opens instead, so the button always does something real.
   */
  private report(labels: Label[], text: string, author: string | undefined, context: string[], scores?: Scores): void {
    const url = location.href;
    if (!/^https?:/i.test(url)) return this.help();
    sendMessage('report.start', {
      kind: 'message',
      url: url.slice(0, 8192),
      title: document.title.slice(0, 1000),
      text: text.slice(0, 20_000),
      context: context.slice(-50).map((c) => c.slice(0, 2000)),
      ...(author ? { author: { handle: author.slice(0, 200) } } : {}),
      ...(scores ? { scores: { ...scores } } : {}),
      ...(this.engine ? { modelVersion: this.engine.version.slice(0, 100) } : {}),
      label: primaryLabel(labels),
    }).catch((error) => {
      // Nothing was reported, so nothing is counted as reported; the helpline still opens.
      if (!isContextInvalidated(error)) logErrorOnce('inline.report', error);
      this.help();
    });
  }
}

/**
 * Blurs a message (and hides it from screen readers) until the returned function restores it. Where the warning
 * sits inside the message (list items, table rows), the message's other children are blurred instead.
 */
function blurElement(el: HTMLElement): () => void {
  const inside = mustInsertInside(el);
  const targets: HTMLElement[] = inside ? (Array.from(el.children).filter((c) => !c.nodeName.startsWith('HAVEN-')) as HTMLElement[]) : [el];
  const saved = targets.map((t) => [t, t.style.getPropertyValue('filter'), t.style.getPropertyPriority('filter')] as const);
  for (const t of targets) t.style?.setProperty('filter', 'blur(7px)', 'important');
  const savedColor = inside ? [el.style.getPropertyValue('color'), el.style.getPropertyPriority('color')] : null;
  if (inside) el.style.setProperty('color', 'transparent', 'important');
  const hadAria = el.getAttribute('aria-hidden');
  if (!inside) el.setAttribute('aria-hidden', 'true');
  return () => {
    for (const [t, value, priority] of saved) {
      if (value) t.style.setProperty('filter', value, priority);
      else t.style.removeProperty('filter');
    }
    if (savedColor) {
      if (savedColor[0]) el.style.setProperty('color', savedColor[0], savedColor[1]);
      else el.style.removeProperty('color');
    }
    if (!inside) {
      if (hadAria === null) el.removeAttribute('aria-hidden');
      else el.setAttribute('aria-hidden', hadAria);
    }
  };
}
