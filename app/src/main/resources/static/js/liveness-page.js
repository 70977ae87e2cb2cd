import { livenessElements, runLivenessSession } from './liveness.js';

// The self-test page: runs a session when asked and shows a clear final result. The state is also on
// <body data-liveness-state> (idle, running, passed, failed, error) for people's tools and tests.
const root = document.getElementById('liveness');
const button = document.getElementById('liveness-start');
const result = document.getElementById('liveness-result');
const elements = livenessElements('liveness');

function finish(state, text, tone) {
  document.body.dataset.livenessState = state;
  result.textContent = text;
  result.className = `alert alert-${tone}`;
  button.disabled = false;
  button.textContent = root.dataset.again;
}

button.addEventListener('click', async () => {
  button.disabled = true;
  result.className = 'alert d-none';
  document.body.dataset.livenessState = 'running';
  elements.hint.textContent = root.dataset.waiting;
  try {
    const answer = await runLivenessSession(elements, { purpose: 'SELF_TEST' });
    if (answer.state === 'PASSED') {
      finish('passed', root.dataset.passed, 'success');
    } else {
      const advice = answer.adviceText ? ` ${answer.adviceText}` : '';
      finish('failed', `${root.dataset.failed} ${answer.reasonTexts.join(' ')}${advice}`, 'danger');
    }
  } catch (error) {
    const detail = error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
    const text = error.status ? `${root.dataset.error} ${detail}` : `${root.dataset.cameraFailed} (${detail})`;
    finish('error', text, 'warning');
  }
});
document.body.dataset.livenessState = 'idle';
