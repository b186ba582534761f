/**
 * Styles of the inline warning and the conversation banner, injected into their shadow roots. px only (rem would
 * follow the page's root font size), colours with at least 4.5:1 contrast, motion only when the child allows it.
 */
export const WARNING_CSS = `
.haven-card {
  all: initial;
  box-sizing: border-box;
  display: block;
  margin: 6px 0;
  padding: 10px 12px;
  max-width: 640px;
  border: 2px solid #7c3aed;
  border-radius: 10px;
  background: #f5f3ff;
  color: #1e1b4b;
  font: 400 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  text-align: start;
  direction: inherit;
  animation: haven-in 160ms ease-out;
}
.haven-card * { box-sizing: border-box; font: inherit; color: inherit; }
.haven-card--banner { border-color: #b45309; background: #fffbeb; color: #451a03; max-width: 720px; }
.haven-card--compact { padding: 6px 10px; border-width: 1px; }
.haven-title { display: block; margin: 0 0 4px; font-weight: 700; font-size: 15px; line-height: 20px; }
.haven-text { display: block; margin: 0 0 8px; }
.haven-cues { display: block; margin: 0 0 8px; padding: 0 0 0 20px; }
.haven-cues li { display: list-item; list-style: disc; margin: 2px 0; }
.haven-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; }
.haven-button {
  all: initial;
  display: inline-block;
  box-sizing: border-box;
  min-height: 32px;
  padding: 6px 12px;
  border: 1px solid #4c1d95;
  border-radius: 16px;
  background: #ffffff;
  color: #3b0764;
  font: 600 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  cursor: pointer;
}
.haven-button:hover { background: #ede9fe; }
.haven-button--primary { background: #5b21b6; border-color: #5b21b6; color: #ffffff; }
.haven-button--primary:hover { background: #4c1d95; }
.haven-card--banner .haven-button { border-color: #78350f; color: #451a03; }
.haven-card--banner .haven-button--primary { background: #92400e; border-color: #92400e; color: #ffffff; }
.haven-button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
@keyframes haven-in { from { opacity: 0; transform: translateY(-2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .haven-card { animation: none; } }
@media (forced-colors: active) { .haven-card, .haven-button { border: 1px solid CanvasText; } }
`;
