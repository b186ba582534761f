import { render, type VNode } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { WARNING_CSS } from '../ui/warning/styles';

export type HostName = 'haven-warning' | 'haven-banner';

export interface MountedUi {
  readonly host: HTMLElement;
  update(view: VNode<any>): void;
  remove(): void;
}

/**
 * Host styles set inline with `!important`: they win over any page stylesheet (`* { all: unset !important }`,
 * `display: none` on unknown elements), and the guard below puts them back if the page rewrites them.
 */
const HOST_STYLE =
  'display:block !important;visibility:visible !important;opacity:1 !important;position:static !important;' +
  'transform:none !important;filter:none !important;clip-path:none !important;height:auto !important;' +
  'width:auto !important;max-height:none !important;max-width:none !important;overflow:visible !important;' +
  'contain:content !important;pointer-events:auto !important;float:none !important;';

const EVENTS_KEPT_INSIDE = ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'focusin', 'focusout'];

/**
 * Mounts a Preact view in an open shadow root next to (or, where the parent only allows certain children,
 * inside) `anchor`, with page-proof host styles.
 */
export async function mountUi(
  ctx: ContentScriptContext,
  name: HostName,
  anchor: Element,
  placement: 'before' | 'first',
  view: VNode<any>,
): Promise<MountedUi> {
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor,
    // parentNode, not parentElement: a message may sit directly in a web component's shadow root.
    append: (target, root) => (placement === 'first' ? target.prepend(root) : target.parentNode?.insertBefore(root, target)),
    css: WARNING_CSS,
    mode: 'open',
    isolateEvents: EVENTS_KEPT_INSIDE,
    onMount(uiContainer) {
      container = uiContainer;
      render(view, uiContainer);
      return uiContainer;
    },
    onRemove(uiContainer) {
      if (uiContainer) render(null, uiContainer);
    },
  });
  ui.mount();
  const host = ui.shadowHost;
  host.style.cssText = HOST_STYLE;
  host.setAttribute('data-haven-ui', '');
  let restores = 0;
  const guard = new MutationObserver(() => {
    if (restores > 50) return guard.disconnect(); // a page fighting back forever gets the last word, not a loop
    if (host.style.cssText !== HOST_STYLE) {
      restores++;
      host.style.cssText = HOST_STYLE;
    }
    for (const attr of ['hidden', 'inert', 'aria-hidden']) if (host.hasAttribute(attr)) host.removeAttribute(attr);
  });
  guard.observe(host, { attributes: true, attributeFilter: ['style', 'hidden', 'inert', 'aria-hidden', 'class'] });
  return {
    host,
    update(next) {
      if (container) render(next, container);
    },
    remove() {
      guard.disconnect();
      ui.remove();
    },
  };
}
