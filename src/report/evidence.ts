import { CATEGORY_RULES } from './categories';
import { evidenceBytes } from './hash';
import type { Report } from './types';
import { buildZip, type ZipFile } from './zip';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** File name of an evidence item inside the zip. */
export function evidenceFileName(item: Report['evidence'][number]): string {
  const ext = item.mediaType === 'image/png' ? 'png' : item.mediaType === 'image/jpeg' ? 'jpg' : item.mediaType === 'application/json' ? 'json' : 'txt';
  return `evidence/${item.id}.${ext}`;
}

/** The text a child pastes into a hotline's web form (English facts; the child's own words as written). */
export function preparedDescription(report: Report): string {
  const lines = [
    `What happened: ${report.legal.dsa.reason}`,
    `Where: ${report.subject.urls.join(' ')}`,
    report.subject.title ? `Page title: ${report.subject.title}` : '',
    `When (UTC): ${report.createdAt} (reporter's local time ${report.createdAtLocal})`,
  ];
  const message = report.evidence.find((e) => e.type === 'message');
  if (message) lines.push(`Message: "${message.content}"`);
  const author = report.evidence.find((e) => e.type === 'author');
  if (author) lines.push(`Sent by: ${Object.values(JSON.parse(author.content) as Record<string, string>).join(' ')}`);
  if (report.childWords.trim()) lines.push(`In my own words: ${report.childWords.trim()}`);
  lines.push(report.goodFaith.statement, `Haven report id: ${report.id} (SHA-256 ${report.integrity.sha256})`);
  return lines.filter(Boolean).join('\n');
}

/** A self-contained summary for police or a helpline: what, where, when, and the hash of every file. */
export function summaryHtml(report: Report): string {
  const rows = report.evidence
    .map((e) => {
      const shown = e.type === 'screenshot' ? `<img alt="Screenshot" src="${esc(evidenceFileName(e))}" style="max-width:100%">` : `<pre>${esc(e.content)}</pre>`;
      return `<tr><th scope="row">${esc(e.type)}</th><td>${shown}<br><code>${esc(evidenceFileName(e))}</code> SHA-256 <code>${e.sha256}</code></td></tr>`;
    })
    .join('\n');
  const urlOnly = CATEGORY_RULES[report.category].urlOnly
    ? '<p><strong>Suspected child sexual abuse material: reported by URL only. No copy of the material was made or kept.</strong></p>'
    : '';
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Haven report ${esc(report.id)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}th{text-align:left;vertical-align:top;padding-right:1em}pre{white-space:pre-wrap}</style>
<h1>Haven report</h1>${urlOnly}
<table>
<tr><th scope="row">Report id</th><td><code>${esc(report.id)}</code></td></tr>
<tr><th scope="row">Category</th><td>${esc(report.category)}: ${esc(report.legal.dsa.reason)}</td></tr>
<tr><th scope="row">NCMEC incident type</th><td>${esc(report.legal.ncmec.incidentType ?? '—')} ${esc(report.legal.ncmec.annotations.join(', '))}</td></tr>
<tr><th scope="row">Created</th><td>${esc(report.createdAt)} (local ${esc(report.createdAtLocal)})</td></tr>
<tr><th scope="row">URL(s)</th><td>${report.subject.urls.map((u) => `<code>${esc(u)}</code>`).join('<br>')}</td></tr>
<tr><th scope="row">Page title</th><td>${esc(report.subject.title)}</td></tr>
<tr><th scope="row">Reporter</th><td>${esc(report.reporter.country)}, ${esc(report.reporter.language)}${report.reporter.contact ? `, ${esc(report.reporter.contact.name)} ${esc(report.reporter.contact.email)} ${esc(report.reporter.contact.phone)}` : ' (anonymous)'}</td></tr>
<tr><th scope="row">In the child's words</th><td><pre>${esc(report.childWords || '—')}</pre></td></tr>
${rows}
<tr><th scope="row">Statement</th><td>${esc(report.goodFaith.statement)}</td></tr>
<tr><th scope="row">Report SHA-256</th><td><code>${report.integrity.sha256}</code> (canonical JSON of report.json without "integrity")</td></tr>
</table></html>
`;
}

/** `report.json`, each evidence file, `hashes.txt` (sha256sum format) and `summary.html`. */
export function evidenceZip(report: Report): Uint8Array {
  const date = new Date(report.createdAt);
  const files: ZipFile[] = [{ name: 'report.json', data: JSON.stringify(report, null, 2), date }];
  const hashes: string[] = [];
  for (const item of report.evidence) {
    const name = evidenceFileName(item);
    files.push({ name, data: evidenceBytes(item), date });
    hashes.push(`${item.sha256}  ${name}`);
  }
  hashes.push(`${report.integrity.sha256}  report (canonical JSON without "integrity", see summary.html)`);
  files.push({ name: 'hashes.txt', data: `${hashes.join('\n')}\n`, date });
  files.push({ name: 'summary.html', data: summaryHtml(report), date });
  return buildZip(files);
}

export function evidenceZipName(report: Report): string {
  return `haven-report-${report.createdAt.slice(0, 10)}-${report.id.slice(0, 8)}.zip`;
}
