// The teacher's live dashboard: one card per student (state as colour and text, engagement %, sparkline of the
// last minutes, alerts), the class average over time, updated from the session's STOMP topic as frames arrive.
import { connectStomp } from './stomp.js';

const SVG = 'http://www.w3.org/2000/svg';
const root = document.getElementById('engagement-dashboard');
const grid = document.getElementById('engagement-grid');
const alertsList = document.getElementById('engagement-alerts');
const noAlerts = document.getElementById('engagement-no-alerts');
const classNow = document.getElementById('engagement-class-now');
const classChart = document.getElementById('engagement-class-chart');
const status = document.getElementById('engagement-dashboard-status');
const names = Object.fromEntries([...document.querySelectorAll('#engagement-names li')]
  .map((li) => [li.dataset.key, li.textContent]));
const initial = JSON.parse(root.dataset.initial);
const rows = new Map();
// A student whose frames stopped for this long is shown as not connected.
const STALE_MS = 10000;
const CLASS_POINTS = 360;
const classPoints = initial.classAverage.map((p) => p.percent).slice(-CLASS_POINTS);

function percentText(percent) {
  return percent < 0 ? '–' : root.dataset.percentTemplate.replace('{0}', percent);
}

function sparkline(values, label) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const points = values.map((v, i) => (v < 0 ? null : `${(100 * i) / Math.max(1, values.length - 1)},${22 - (20 * v) / 100}`))
    .filter(Boolean);
  if (points.length > 0) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#0d6efd');
    line.setAttribute('stroke-width', '1.5');
    svg.append(line);
  }
  return svg;
}

function card(update) {
  let li = document.getElementById(`student-${update.student}`);
  if (!li) {
    li = document.createElement('li');
    li.className = 'engagement-card card';
    li.id = `student-${update.student}`;
    li.dataset.student = update.student;
    li.innerHTML = '<div class="card-body p-2"><div class="fw-semibold text-break engagement-name"></div>'
      + '<div><span class="engagement-state badge"></span></div><div class="small"><strong class="engagement-percent">'
      + '</strong></div><div class="engagement-sparkline"></div><div class="engagement-alerts small"></div></div>';
    grid.append(li);
    document.getElementById('engagement-empty')?.remove();
  }
  return li;
}

function render(update, live) {
  const li = card(update);
  li.querySelector('.engagement-name').textContent = update.name;
  const state = live && update.state ? update.state : 'NONE';
  const badge = li.querySelector('.engagement-state');
  badge.dataset.state = state;
  badge.textContent = state === 'NONE' ? root.dataset.notConnected : names[`state.${state}`];
  li.querySelector('.engagement-percent').textContent = percentText(update.percent);
  li.querySelector('.engagement-sparkline').replaceChildren(
    sparkline(update.sparkline || [], root.dataset.trendLabel.replace('{0}', update.name)));
  const alerts = li.querySelector('.engagement-alerts');
  alerts.replaceChildren(...(update.alerts || []).map((alert) => {
    const span = document.createElement('span');
    span.className = 'badge text-bg-danger me-1 engagement-alert';
    span.dataset.alert = alert;
    span.textContent = names[`alert.${alert}`];
    return span;
  }));
  if (update.identity === 'NOT_ENROLLED' || update.identity === 'CONFIRMED') {
    const span = document.createElement('span');
    span.className = 'text-body-secondary';
    span.textContent = names[`identity.${update.identity}`];
    alerts.append(span);
  }
  rows.set(update.student, { ...update, seenAt: live ? Date.now() : 0 });
  renderAlerts();
}

function renderAlerts() {
  const items = [];
  for (const row of rows.values()) {
    if (!row.seenAt) continue;
    for (const alert of row.alerts || []) {
      const li = document.createElement('li');
      li.textContent = `${row.name}: ${names[`alert.${alert}`]}`;
      li.dataset.alert = alert;
      items.push(li);
    }
  }
  const text = items.map((li) => li.textContent).join('|');
  if (alertsList.dataset.text !== text) {
    alertsList.replaceChildren(...items);
    alertsList.dataset.text = text;
  }
  noAlerts.hidden = items.length > 0;
}

function drawClass() {
  const svg = sparkline(classPoints, root.dataset.classLabel);
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.classList.add('engagement-class-svg');
  classChart.replaceChildren(svg);
}

// Every 10 s (a bucket), the mean engagement of the students streaming now joins the class curve.
function sampleClass() {
  const now = Date.now();
  const live = [...rows.values()].filter((row) => row.seenAt && now - row.seenAt < STALE_MS && row.percent >= 0);
  for (const row of rows.values()) {
    if (row.seenAt && now - row.seenAt >= STALE_MS) render(row, false);
  }
  if (live.length === 0) return;
  const mean = Math.round(live.reduce((sum, row) => sum + row.percent, 0) / live.length);
  classNow.textContent = percentText(mean);
  classPoints.push(mean);
  if (classPoints.length > CLASS_POINTS) classPoints.shift();
  drawClass();
}

for (const update of initial.rows) render(update, Boolean(update.state));
if (initial.percent !== null && initial.percent !== undefined) classNow.textContent = percentText(initial.percent);
drawClass();
setInterval(sampleClass, 10000);

async function connect() {
  try {
    const client = await connectStomp({ onClose: () => { status.textContent = root.dataset.connectionLost; setTimeout(connect, 3000); } });
    status.textContent = '';
    client.subscribe(root.dataset.topic, (update) => render(update, true));
  } catch {
    status.textContent = root.dataset.connectionLost;
    setTimeout(connect, 3000);
  }
}
connect();
