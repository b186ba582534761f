import { describe, expect, it, vi } from 'vitest';
import { dispatch, MessageError, type Handlers } from './router';

const ctx = { extensionId: 'haven', extensionOrigin: 'chrome-extension://haven/' };
const contentSender = { id: 'haven', url: 'https://chat.example/room', tab: { id: 4 }, frameId: 0 };
const pageSender = { id: 'haven', url: 'chrome-extension://haven/popup.html' };

describe('message dispatch (background trust rules)', () => {
  const hello = vi.fn(async () => ({ tabId: 4, frameId: 0, enabled: true }));
  const handlers: Handlers = { 'content.hello': hello, 'settings.get': async () => ({ country: 'DE' }) as never };

  it('delivers a valid message from an allowed sender', async () => {
    const reply = await dispatch({ haven: 1, name: 'content.hello', payload: { url: 'https://chat.example/room', top: true } }, contentSender, handlers, ctx);
    expect(reply).toEqual({ ok: true, value: { tabId: 4, frameId: 0, enabled: true } });
    expect(hello).toHaveBeenCalledOnce();
  });

  it('rejects other extensions, unknown pages and web pages posing as pages', async () => {
    const payload = { haven: 1, name: 'settings.get', payload: {} };
    for (const sender of [{ ...pageSender, id: 'evil' }, { id: 'haven', url: 'https://evil.example/' }, { id: 'haven' }]) {
      expect(await dispatch(payload, sender, handlers, ctx)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    }
  });

  it('rejects a content-only message from an extension page', async () => {
    const reply = await dispatch({ haven: 1, name: 'content.hello', payload: { url: 'x', top: true } }, pageSender, handlers, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
  });

  it('rejects malformed envelopes, unknown names (also prototype keys) and bad payloads', async () => {
    expect(await dispatch('hi', pageSender, handlers, ctx)).toMatchObject({ error: { code: 'bad-envelope' } });
    expect(await dispatch({ haven: 1, name: 'toString', payload: {} }, pageSender, handlers, ctx)).toMatchObject({ error: { code: 'unknown-message' } });
    const bad = await dispatch({ haven: 1, name: 'stats.record', payload: { label: 'nope', event: 'shown' } }, pageSender, handlers, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-payload', message: expect.stringContaining('payload.label') } });
  });

  it('turns handler failures into error replies instead of throwing', async () => {
    const failing: Handlers = {
      'settings.get': () => {
        throw new MessageError('bad-payload', 'nope');
      },
      'help.open': async () => {
        throw new Error('tabs.create failed');
      },
    };
    expect(await dispatch({ haven: 1, name: 'settings.get', payload: {} }, pageSender, failing, ctx)).toEqual({
      ok: false,
      error: { code: 'bad-payload', message: 'nope' },
    });
    expect(await dispatch({ haven: 1, name: 'help.open', payload: {} }, pageSender, failing, ctx)).toEqual({
      ok: false,
      error: { code: 'handler-failed', message: 'tabs.create failed' },
    });
  });
});
