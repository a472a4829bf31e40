/**
 * The live progress bar: polls each loading resource's status (session-authenticated JSON)
 * every second, updates the bar and text, and reloads the page when the load ends. Served as
 * a file because the CSP allows only same-origin scripts; without it the refresh link works.
 */
export const INGEST_PROGRESS_JS = `(() => {
  const panels = [...document.querySelectorAll('[data-ingest-status]')];
  if (!panels.length) return;
  const size = (n) => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  const tick = async () => {
    let loading = 0;
    for (const el of panels) {
      try {
        const res = await fetch(el.dataset.ingestStatus, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok) continue;
        const s = await res.json();
        if (s.state === 'complete' || s.state === 'error' || s.state === 'proposed') { location.reload(); return; }
        loading++;
        const bar = el.querySelector('progress');
        if (bar) { bar.max = Math.max(s.bytes_total, 1); bar.value = s.bytes_done; }
        const text = el.querySelector('[data-ingest-text]');
        if (text) text.textContent = el.dataset.ingestTemplate
          .replace('{rows}', Number(s.rows_done).toLocaleString(el.dataset.ingestLocale))
          .replace('{done}', size(s.bytes_done)).replace('{total}', size(s.bytes_total));
      } catch { loading++; }
    }
    if (loading) setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
})();
`;
