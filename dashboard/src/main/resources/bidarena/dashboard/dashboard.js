// The page: talks to the server's small API and draws the WebSocket feed's frames with a registry of
// panel renderers, one per server-side Panel id. Add a panel: a renderer here under the same id.
'use strict';
const TOKEN = new URLSearchParams(location.search).get('token');
const WINDOW = 60; // points kept in each time chart: a moving window
const $ = id => document.getElementById(id);
const q = params => { const p = new URLSearchParams(params); if (TOKEN) p.set('token', TOKEN); return p.toString(); };
const page = { frames: 0, lastFrame: null, socketOpen: false };
window.__dashboard = page;

async function api(method, path, params, body) {
  const res = await fetch('/api/' + path + '?' + q(params || {}), { method, body });
  const text = await res.text();
  if (!res.ok) throw new Error(text || res.status);
  return text ? JSON.parse(text) : null;
}
function showError(e) { $('error').textContent = e ? String(e.message || e) : ''; }

// ---- panel registry ----
const renderers = {};
function panelBox(id, title) {
  let box = $('panel-' + id);
  if (!box) {
    box = document.createElement('div');
    box.className = 'panel'; box.id = 'panel-' + id;
    box.innerHTML = '<h2>' + title + '</h2>';
    $('panels').appendChild(box);
  }
  return box;
}
function chartIn(id, title, type, options) {
  const box = panelBox(id, title);
  if (!box.chart) {
    const c = document.createElement('canvas'); c.id = 'chart-' + id; box.appendChild(c);
    box.chart = new Chart(c, { type, data: { labels: [], datasets: [] },
      options: Object.assign({ animation: false, responsive: true, plugins: { legend: { labels: { boxWidth: 10 } } } }, options || {}) });
  }
  return box.chart;
}
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

renderers.ticks = d => {
  $('counter').textContent = d.tick; $('total').textContent = d.totalTicks;
  $('aps').textContent = Math.round(d.auctionsPerSecond);
  $('auctions').textContent = d.auctions; $('impressions').textContent = d.impressions;
  const ch = chartIn('rate', 'Auctions per second', 'line');
  pushPoint(ch, d.tick, [{ label: 'auctions/s', value: d.auctionsPerSecond }]);
};
// Per-agent time charts: the change per tick between frames, in a moving window.
const AGENT_SERIES = [
  ['impressions', 'Impressions per tick', a => a.impressions, true],
  ['spend', 'Spend per tick', a => a.spendMicros / 1e6, true],
  ['revenue', 'Revenue per tick', a => a.revenueMicros / 1e6, true],
  ['profit', 'Profit (revenue x margin - spend), cumulative', a => a.profitMicros / 1e6, false],
  ['roas', 'ROAS, cumulative', a => a.roas, false]];
let previousAgents = null;
renderers.agents = (agents, frame) => {
  const tick = frame.panels.ticks ? frame.panels.ticks.tick : 0;
  const prev = previousAgents;
  if (prev && prev.tick < tick) {
    const dt = tick - prev.tick;
    for (const [id, title, f, rate] of AGENT_SERIES) {
      const ch = chartIn('agent-' + id, title, 'line');
      pushPoint(ch, tick, agents.map((a, i) => ({ label: a.id,
        value: rate ? (f(a) - f(prev.agents[i])) / dt : f(a) })));
    }
  }
  if (!prev || prev.tick !== tick) previousAgents = { tick, agents };
  const box = panelBox('agents-table', 'Agents (totals)');
  box.innerHTML = '<h2>Agents (totals)</h2><table id="agentTable"><tr><th>agent</th><th>impr</th><th>spend</th>'
    + '<th>revenue</th><th>profit</th><th>ROAS</th></tr>' + agents.map(a => '<tr><td>' + a.id + '</td><td>'
    + a.impressions + '</td><td data-micros="' + a.spendMicros + '">' + (a.spendMicros / 1e6).toFixed(2)
    + '</td><td>' + (a.revenueMicros / 1e6).toFixed(2) + '</td><td>' + (a.profitMicros / 1e6).toFixed(2)
    + '</td><td>' + (a.roas === null ? 'n/a' : Number(a.roas).toFixed(2)) + '</td></tr>').join('') + '</table>';
};
renderers.pacing = rows => {
  const ch = chartIn('pacing', 'Budget pacing (spend / budget to date)', 'bar', { scales: { y: { suggestedMax: 1 } } });
  setBars(ch, rows.map(r => r.id), [{ label: 'spent share', data: rows.map(r => Number(r.spent)) }]);
};
renderers.funnel = f => {
  const ch = chartIn('funnel', 'Customer funnel by stage', 'bar');
  setBars(ch, Object.keys(f), [{ label: 'customers', data: Object.values(f) }]);
};
renderers.clearingPrice = h => {
  const ch = chartIn('clearingPrice', 'Clearing price per agent-tick (CPM)', 'bar');
  setBars(ch, h.counts.map((_, i) => (i * h.bucketMicros / 1000).toFixed(2)), [{ label: 'agent-ticks', data: h.counts }]);
};

function pushPoint(ch, x, values) {
  const labels = ch.data.labels;
  if (labels.length && labels[labels.length - 1] === x) return;
  labels.push(x);
  values.forEach((v, i) => {
    if (!ch.data.datasets[i]) ch.data.datasets[i] = { label: v.label, data: [], borderColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 1.5 };
    ch.data.datasets[i].data.push(v.value);
  });
  while (labels.length > WINDOW) { labels.shift(); ch.data.datasets.forEach(d => d.data.shift()); }
  ch.update('none');
}
function setBars(ch, labels, datasets) {
  ch.data.labels = labels;
  datasets.forEach((d, i) => { ch.data.datasets[i] = Object.assign(ch.data.datasets[i] || { backgroundColor: COLORS[i] }, d); });
  ch.update('none');
}

function render(frame) {
  page.frames++; page.lastFrame = frame;
  if (frame.type !== 'frame') return;
  $('state').textContent = frame.state; $('run').textContent = frame.run;
  if (frame.error) showError(frame.error);
  for (const [id, data] of Object.entries(frame.panels)) {
    if (renderers[id]) renderers[id](data, frame);
  }
  if (frame.state !== page.state && (frame.state === 'finished' || frame.state === 'stopped' || page.state === undefined)) {
    refreshRuns().catch(showError);
  }
  page.state = frame.state;
}

// ---- feed ----
function connect() {
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?' + q({}));
  ws.onopen = () => { page.socketOpen = true; };
  ws.onmessage = m => render(JSON.parse(m.data));
  ws.onclose = () => { page.socketOpen = false; setTimeout(connect, 1000); };
}

// ---- controls ----
async function start() {
  showError('');
  const file = $('upload').files[0];
  const body = file ? await file.text() : '';
  const params = new URLSearchParams();
  params.set('scenario', $('scenario').value);
  if ($('seed').value.trim()) params.set('seed', $('seed').value.trim());
  $('sets').value.split('\n').map(s => s.trim()).filter(s => s).forEach(s => params.append('set', s));
  params.set('tps', $('speed').value || '0');
  if (TOKEN) params.set('token', TOKEN);
  const res = await fetch('/api/runs?' + params.toString(), { method: 'POST', body });
  const text = await res.text();
  if (!res.ok) { showError(res.status === 413 ? 'the file is larger than the upload limit' : text); return; }
  previousAgents = null;
  document.querySelectorAll('.panel').forEach(p => { if (p.chart) p.chart.destroy(); p.remove(); });
  $('run').textContent = JSON.parse(text).run;
}
const control = (action, tps) => api('POST', 'control', tps === undefined ? { action } : { action, tps }).catch(showError);
$('start').onclick = () => start().catch(showError);
$('pause').onclick = () => control('pause');
$('resume').onclick = () => control('resume');
$('step').onclick = () => control('step');
$('stop').onclick = () => control('stop');
$('setSpeed').onclick = () => control('speed', $('speed').value);
$('setRender').onclick = () => api('POST', 'render', { ms: $('render').value }).catch(showError);

async function refreshRuns() {
  const runs = await api('GET', 'runs');
  $('runs').innerHTML = runs.map(r => '<li>' + (r.summary && r.status !== 'live'
    ? '<a target="_blank" href="/runs/' + encodeURIComponent(r.name) + '/report?' + q({}) + '">' + r.name + '</a>'
    : r.name) + ' (' + r.status + ')</li>').join('');
  const done = runs.filter(r => r.summary).map(r => '<option>' + r.name + '</option>').join('');
  $('cmpA').innerHTML = done; $('cmpB').innerHTML = done;
}
$('refresh').onclick = () => refreshRuns().catch(showError);
$('compare').onclick = async () => {
  try {
    const c = await api('GET', 'compare', { a: $('cmpA').value, b: $('cmpB').value });
    const row = (s, a) => '<td>' + a.id + '</td><td>' + a.impressions + '</td><td>' + (a.spendMicros / 1e6).toFixed(2)
      + '</td><td>' + (a.revenueMicros / 1e6).toFixed(2) + '</td><td>' + (a.roas === null ? 'n/a' : a.roas) + '</td>';
    const n = Math.max(c.a.agents.length, c.b.agents.length);
    let html = '<table><tr><th colspan="5">' + $('cmpA').value + ' (' + c.a.ticks + ' ticks)</th><th colspan="5">'
      + $('cmpB').value + ' (' + c.b.ticks + ' ticks)</th></tr><tr>' + '<th>agent</th><th>impr</th><th>spend</th><th>revenue</th><th>ROAS</th>'.repeat(2) + '</tr>';
    for (let i = 0; i < n; i++) {
      html += '<tr>' + (c.a.agents[i] ? row(c.a, c.a.agents[i]) : '<td colspan="5"></td>')
        + (c.b.agents[i] ? row(c.b, c.b.agents[i]) : '<td colspan="5"></td>') + '</tr>';
    }
    $('comparison').innerHTML = html + '</table>';
  } catch (e) { showError(e); }
};

api('GET', 'scenarios').then(list => {
  $('scenario').innerHTML = list.map(s => '<option>' + s + '</option>').join('');
}).catch(showError);
refreshRuns().catch(showError);
connect();
