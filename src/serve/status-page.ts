// GET /status: the operator's page. One row per source, failing ones first; readable on a
// phone; right to left; no external assets (inline CSS, no script).
import type { Status, SourceHealth } from './status.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATE_LABEL: Record<SourceHealth, string> = {
  ok: 'يعمل',
  failing: 'متعثر',
  'backing-off': 'ينتظر (طلب الموقع التمهل)',
  disabled: 'معطّل',
  pending: 'لم يُجلب بعد',
};
const ORDER: SourceHealth[] = ['failing', 'backing-off', 'pending', 'ok', 'disabled'];

const timeFormat = new Intl.DateTimeFormat('ar-SY', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Damascus' });
function time(iso: string | undefined): string {
  if (!iso) return '—';
  return `<time datetime="${esc(iso)}">${esc(timeFormat.format(new Date(iso)))}</time>`;
}

export function renderStatusPage(status: Status): string {
  const rows = [...status.sources]
    .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.id.localeCompare(b.id))
    .map(
      (s) => `<tr data-source-id="${esc(s.id)}" data-state="${s.state}">
<td data-label="المصدر"><strong>${esc(s.name)}</strong><br><code dir="ltr">${esc(s.id)}</code></td>
<td data-label="الحالة"><span class="state ${s.state}">${STATE_LABEL[s.state]}</span>${s.consecutiveFailures > 1 ? ` <small>(${s.consecutiveFailures} مرات متتالية)</small>` : ''}</td>
<td data-label="آخر نجاح">${time(s.lastSuccess)}</td>
<td class="error" data-label="آخر خطأ">${s.lastError ? `<bdi>${esc(s.lastError)}</bdi>` : '—'}${s.movedTo ? `<br><small>انتقل إلى: <code dir="ltr">${esc(s.movedTo)}</code></small>` : ''}</td>
<td data-label="آخر ٢٤ ساعة">${s.itemsLast24h}</td>
<td data-label="الجلب التالي">${s.state === 'disabled' ? '—' : time(s.nextPoll)}</td>
</tr>`,
    )
    .join('\n');
  const t = status.totals;
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>نهر — حالة المصادر</title>
<style>
body{font-family:system-ui,"Noto Naskh Arabic",Tahoma,sans-serif;margin:1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.4rem;margin:0 0 .5rem}
.totals{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.totals li{background:#f3f3f3;border-radius:.4rem;padding:.3rem .7rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.45rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
th{background:#fafafa;font-size:.85rem}
.state{border-radius:.3rem;padding:.05rem .45rem;white-space:nowrap}
.ok{background:#e3f5e1;color:#1d5b1a}.failing{background:#fde2e1;color:#8a1c17}
.backing-off{background:#fff3cd;color:#6b5200}.disabled,.pending{background:#eee;color:#555}
.alarm{background:#fde2e1;color:#8a1c17;border-radius:.4rem;padding:.5rem .8rem}
.error{color:#8a1c17;max-width:22rem;overflow-wrap:anywhere}
code{font-size:.8rem;color:#555;overflow-wrap:anywhere;word-break:break-all}
@media (max-width:40rem){thead{display:none}tr{display:block;border:1px solid #ddd;border-radius:.4rem;margin-bottom:.6rem}
td{display:block;border:0;padding:.2rem .6rem}td::before{content:attr(data-label);font-weight:bold;margin-inline-end:.4rem}}
</style>
</head>
<body>
<h1>حالة المصادر</h1>
${status.store?.lastWriteError ? `<p class="alarm" data-store="write-failed">تعذّر حفظ المخزن: <bdi>${esc(status.store.lastWriteError.message)}</bdi> (${time(status.store.lastWriteError.at)}). الملف السابق سليم، وسيُعاد الحفظ مع الجلب التالي.</p>` : ''}
${status.store?.movedAside ? `<p class="alarm" data-store="moved-aside">كان ملف المخزن تالفاً فنُقل جانباً إلى <code dir="ltr">${esc(status.store.movedAside)}</code> وبدأ المخزن فارغاً.</p>` : ''}
<ul class="totals">
<li>المصادر: <strong>${t.sources}</strong></li>
<li>تعمل: <strong>${t.ok}</strong></li>
<li>متعثرة: <strong data-total="failing">${t.failing}</strong></li>
<li>تنتظر: <strong>${t['backing-off']}</strong></li>
<li>معطّلة: <strong>${t.disabled}</strong></li>
<li>لم تُجلب بعد: <strong>${t.pending}</strong></li>
<li>الأخبار المخزنة: <strong>${t.stories}</strong></li>
</ul>
<table>
<thead><tr><th>المصدر</th><th>الحالة</th><th>آخر نجاح</th><th>آخر خطأ</th><th>أخبار آخر ٢٤ ساعة</th><th>الجلب التالي</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><small>حُدّثت ${time(status.generatedAt)} · <a href="/status.json">JSON</a> · <a href="/">الخلاصات</a></small></p>
</body>
</html>
`;
}
