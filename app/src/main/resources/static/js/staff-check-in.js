import { postJson } from './face-stream.js';
import { livenessElements, runLivenessSession } from './liveness.js';

// A teacher's daily check-in: the browser's position (with its accuracy), then a liveness session for CHECK_IN on
// the teacher's own face, then the check-in call; the server checks the place first, then the face, and records every
// attempt. Without a position the call goes without a liveness session and is recorded as such. The state is on
// <body data-staff-state> (idle, locating, running, checking, accepted, refused, error) for people's tools and tests.
const root = document.getElementById('staff-check-in');
const API = '/api/v1/attendance/staff/check-ins';

function show(result, state, text, tone) {
  document.body.dataset.staffState = state;
  result.textContent = text;
  result.className = text ? `alert alert-${tone} fs-5` : 'alert d-none';
}

function locate() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) { resolve(null); return; }
    navigator.geolocation.getCurrentPosition((p) => resolve(p.coords), () => resolve(null),
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });
}

if (root) {
  const button = document.getElementById('staff-start');
  const result = document.getElementById('staff-result');
  const elements = livenessElements('staff');
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(result, 'locating', root.dataset.locating, 'secondary');
    try {
      const coords = await locate();
      const body = coords
        ? { latitude: coords.latitude, longitude: coords.longitude, accuracyMetres: coords.accuracy } : {};
      if (coords) {
        show(result, 'running', '', 'secondary');
        elements.hint.textContent = root.dataset.waiting;
        let session;
        await runLivenessSession(elements, { purpose: 'CHECK_IN', onStart: (s) => { session = s; } });
        body.livenessSession = session.id;
        show(result, 'checking', root.dataset.checking, 'secondary');
      }
      const answer = await postJson(API, body);
      show(result, answer.accepted ? 'accepted' : 'refused', answer.message, answer.accepted ? 'success' : 'danger');
      if (answer.accepted) return;
    } catch (error) {
      const why = error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
      show(result, 'error', `${error.status ? root.dataset.error : root.dataset.cameraFailed} ${why}`, 'warning');
    }
    button.disabled = false;
    button.textContent = root.dataset.again;
  });
  document.body.dataset.staffState = 'idle';
}
