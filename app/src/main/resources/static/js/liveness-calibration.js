import { postJson } from './face-stream.js';
import { livenessElements, runLivenessSession } from './liveness.js';

// The administrators' calibration panel: each click runs one staff liveness session on this camera through the
// calibration's own start endpoint, then reloads the page so that the score distribution and the proposal include it.
// The state is on <body data-calibration-state> (idle, running, done, error) for tests.
const panel = document.getElementById('calibration-panel');
const button = document.getElementById('calibration-run');
const result = document.getElementById('calibration-result');
const elements = livenessElements('calibration');

button.addEventListener('click', async () => {
  button.disabled = true;
  document.body.dataset.calibrationState = 'running';
  elements.hint.textContent = panel.dataset.waiting;
  try {
    await runLivenessSession(elements, { start: () => postJson(panel.dataset.sessionsUrl, {}) });
    document.body.dataset.calibrationState = 'done';
    window.location.reload();
  } catch (error) {
    const detail = error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
    result.textContent = error.status ? `${panel.dataset.error} ${detail}` : `${panel.dataset.cameraFailed} (${detail})`;
    result.className = 'alert alert-warning';
    document.body.dataset.calibrationState = 'error';
    button.disabled = false;
  }
});
document.body.dataset.calibrationState = 'idle';
