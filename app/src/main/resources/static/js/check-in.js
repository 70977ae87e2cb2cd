import { livenessElements, runLivenessSession } from './liveness.js';
import { postJson } from './face-stream.js';

// A student's check-in: the browser's position (with its accuracy) is checked first, so a student outside the
// classroom hears it before the camera starts; then a liveness session runs and the check-in is sent with its id.
// The server decides everything and records every attempt. The final state is on <body data-check-in-state>
// (idle, locating, live, checked-in, refused, error) and the refusal's reason on data-check-in-outcome, for tests.
const root = document.getElementById('check-in');
const button = document.getElementById('checkin-start');
const result = document.getElementById('checkin-result');
const where = document.getElementById('checkin-location');
const elements = livenessElements('checkin');
const session = root.dataset.session;
const online = root.dataset.online === 'true';
const qrToken = root.dataset.qr || undefined;
const API = `/api/v1/attendance/sessions/${encodeURIComponent(session)}/check-ins`;

/** A random id kept on this device; the server stores only a salted hash of it. */
function deviceId() {
  let id = localStorage.getItem('sightline.deviceId');
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem('sightline.deviceId', id);
  }
  return id;
}

function position() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });
}

function state(name, outcome) {
  document.body.dataset.checkInState = name;
  if (outcome) document.body.dataset.checkInOutcome = outcome;
  else delete document.body.dataset.checkInOutcome;
}

function show(text, tone) {
  result.textContent = text;
  result.className = `alert alert-${tone}`;
}

function finish(name, text, tone, outcome) {
  // The camera is off once the answer is in: nothing more is filmed.
  const stream = elements.video.srcObject;
  if (stream) stream.getTracks().forEach((track) => track.stop());
  state(name, outcome);
  show(text, tone);
  button.disabled = false;
  button.textContent = root.dataset.again;
}

async function preflight(location) {
  const query = new URLSearchParams();
  if (location) {
    query.set('latitude', location.latitude);
    query.set('longitude', location.longitude);
    query.set('accuracyMetres', location.accuracyMetres);
  }
  if (qrToken) query.set('qrToken', qrToken);
  const response = await fetch(`${API}/preflight?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const json = await response.json();
  if (!response.ok) throw Object.assign(new Error(json.detail || response.statusText), { status: response.status, problem: json });
  return json;
}

async function locate() {
  if (online) return null;
  state('locating');
  where.textContent = root.dataset.locating;
  try {
    const { coords } = await position();
    const location = { latitude: coords.latitude, longitude: coords.longitude, accuracyMetres: coords.accuracy };
    where.textContent = root.dataset.accuracy.replace('{0}', Math.round(coords.accuracy));
    return location;
  } catch {
    // Sent without a position: the server records LOCATION_MISSING with its friendly message.
    where.textContent = root.dataset.locationDenied;
    return null;
  }
}

function statusText(status) {
  return root.dataset[`status${status.charAt(0)}${status.slice(1).toLowerCase()}`] || status;
}

button.addEventListener('click', async () => {
  button.disabled = true;
  result.className = 'alert d-none';
  try {
    const location = await locate();
    show(root.dataset.checking, 'info');
    const checked = await preflight(location);
    if (checked.outcome !== 'ACCEPTED') {
      // Sent anyway, so the refusal is recorded with its evidence (the preflight records nothing).
      await send(location, null);
      return;
    }
    state('live');
    show(root.dataset.camera, 'info');
    const answer = await runLivenessSession(elements, { purpose: 'CHECK_IN' });
    show(root.dataset.sending, 'info');
    await send(location, answer.session);
  } catch (error) {
    const detail = error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
    const text = error.status ? `${root.dataset.error} ${detail}` : `${root.dataset.cameraFailed} (${detail})`;
    finish('error', text, 'warning');
  }
});

async function send(location, livenessSessionId) {
  try {
    const record = await postJson(API, {
      livenessSessionId,
      latitude: location ? location.latitude : null,
      longitude: location ? location.longitude : null,
      accuracyMetres: location ? location.accuracyMetres : null,
      deviceId: deviceId(),
      qrToken: qrToken || null,
    });
    finish('checked-in', root.dataset.success.replace('{0}', statusText(record.status)), 'success');
    button.hidden = true;
  } catch (error) {
    if (!error.problem || !error.problem.outcome) throw error;
    finish('refused', error.problem.detail, 'danger', error.problem.outcome);
  }
}

state('idle');
